// k-cores and components against NetworkX 2.8 (core_number, connected_components).
#include <catch2/catch.hpp>

#include "cluster_references.hpp"
#include "hallyu/algo/components.hpp"
#include "hallyu/algo/kcore.hpp"

using namespace hallyu;
using namespace hallyu::test::clusters;
using test::read_json;

TEST_CASE("core numbers and components equal NetworkX's", "[clusters][reference]") {
  for (const Case& c : cases()) {
    INFO(c.reference);
    Graph g(io::load_dataset_files({c.dataset}));
    algo::TraversalFilter filter;
    filter.excluded_kinds = c.excluded;
    auto s = algo::simple_graph(g, filter);
    auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + c.reference);
    auto core = algo::core_numbers(s);
    std::size_t mismatches = 0;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
      mismatches += core[v] != ref["core_number"][g.entity(s.original(v)).id.c_str()].GetUint();
    }
    CHECK(mismatches == 0);
    auto components = algo::component_partition(s);
    std::set<std::vector<std::string>> ours, theirs;
    std::vector<std::vector<std::string>> grouped(components.count);
    for (std::uint32_t v = 0; v < s.size(); ++v) grouped[components.community[v]].push_back(g.entity(s.original(v)).id);
    for (auto& group : grouped) {
      std::sort(group.begin(), group.end());
      ours.insert(group);
    }
    for (const auto& comp : ref["components"].GetArray()) {
      std::vector<std::string> ids;
      for (const auto& id : comp.GetArray()) ids.push_back(id.GetString());
      theirs.insert(ids);
    }
    CHECK(ours == theirs);
    // Components come largest first.
    for (std::uint32_t i = 1; i < grouped.size(); ++i) CHECK(grouped[i - 1].size() >= grouped[i].size());
  }
}
