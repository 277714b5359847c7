// Hand-computed on tests/fixtures/mini.json (drawn in tests/fixtures/README.md).
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/algo/components.hpp"

using namespace hallyu;

TEST_CASE("mini fixture is one component, split by filters", "[components]") {
  Graph g = test::mini_graph();
  auto all = algo::connected_components(g);
  CHECK(all.sizes == std::vector<std::size_t>{16});

  algo::TraversalFilter people_and_works;
  people_and_works.excluded_kinds = bit(Kind::agency) | bit(Kind::network);
  auto split = algo::connected_components(g, people_and_works);
  CHECK(split.sizes == std::vector<std::size_t>{8, 4});
  CHECK(split.component_of[test::id(g, "sm-entertainment")] == algo::Components::kExcluded);
  CHECK(split.component_of[test::id(g, "iu")] == split.component_of[test::id(g, "taeyeon")]);  // via the OST
  CHECK(split.component_of[test::id(g, "d-o")] != split.component_of[test::id(g, "iu")]);

  algo::TraversalFilter acting;
  acting.relation_types = bit(RelationType::acted_in);
  auto acted = algo::connected_components(g, acting);
  CHECK(acted.sizes.size() == 10);
  CHECK(acted.sizes[0] == 5);
  CHECK(acted.sizes[1] == 3);
}
