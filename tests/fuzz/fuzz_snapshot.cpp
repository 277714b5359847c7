// Fuzzes the snapshot reader with the checksum made right (io::reseal_snapshot), so crafted content
// reaches the checks: it loads or is refused with a DataError; what loads gives valid JSON output.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/query/show.hpp"
#include "hallyu/query/stats.hpp"
#include "hallyu/io/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  io::reseal_snapshot(bytes);
  try {
    Graph graph(io::read_snapshot("f.hsnap", bytes));
    // Through the request layer, as `stats --json` and `show --json` print them.
    query::Engine engine(graph);
    format::JsonWriter stats;
    format::write_json(stats, graph, query::stats(engine, {true, {}}));
    fuzz::require_valid_json(stats.str(), "stats");
    for (VertexId v = 0; v < graph.entity_count(); ++v) {
      format::JsonWriter out;
      format::write_json(out, graph, query::show(engine, {graph.entity(v).id}));
      fuzz::require_valid_json(out.str(), "show");
    }
  } catch (const DataError&) {
  }
  return 0;
}
