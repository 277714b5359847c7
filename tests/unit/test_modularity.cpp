// Modularity against NetworkX 2.8 on hallyu's own partitions.
#include <catch2/catch.hpp>

#include "cluster_references.hpp"
#include "hallyu/algo/cluster.hpp"
#include "hallyu/algo/modularity.hpp"

using namespace hallyu;
using namespace hallyu::test::clusters;
using test::read_json;

TEST_CASE("modularity agrees with NetworkX on hallyu's own partitions", "[clusters][reference]") {
  for (const Case& c : cases()) {
    INFO(c.reference);
    Graph g(io::load_dataset_files({c.dataset}));
    algo::TraversalFilter filter;
    filter.excluded_kinds = c.excluded;
    auto s = algo::simple_graph(g, filter);
    auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + c.reference);
    for (const char* method : {"hallyu_leiden_seed1", "hallyu_louvain_seed1"}) {
      auto labels = labels_from(g, s, ref[method]["clusters"]);
      CHECK(algo::modularity(s, labels) == Approx(ref[method]["networkx_modularity"].GetDouble()).epsilon(1e-12));
    }
  }
}
