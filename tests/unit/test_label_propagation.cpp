// The randomised cluster methods (Louvain, Leiden, label propagation) are deterministic per seed.
#include <catch2/catch.hpp>

#include "cluster_references.hpp"
#include "hallyu/algo/label_propagation.hpp"
#include "hallyu/algo/louvain_leiden.hpp"

using namespace hallyu;
using namespace hallyu::test::clusters;
using test::read_json;

TEST_CASE("randomised methods are deterministic per seed", "[clusters]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  auto s = algo::simple_graph(g);
  for (auto method : {algo::louvain, algo::leiden, algo::label_propagation}) {
    auto a = method(s, {7, 1.0, 50});
    auto b = method(s, {7, 1.0, 50});
    auto other = method(s, {8, 1.0, 50});
    CHECK(a.community == b.community);
    CHECK(a.community != other.community);
  }
}
