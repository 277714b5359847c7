// Fuzzes the importers (CSV in both layouts, GraphML, kpopnet.json): the first byte picks the format,
// the rest is the file (CSV: a node file and a relationship file split at "\n---\n"). Any input is
// imported or refused with a DataError; what imports must build a graph whose entities and relations
// describe themselves as valid JSON.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/import_csv.hpp"
#include "hallyu/io/import_graphml.hpp"
#include "hallyu/io/import_kpopnet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  if (size == 0) return 0;
  const unsigned format = data[0] % 3;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  io::ImportOptions options;
  options.skip_bad = (data[0] & 0x80) != 0;  // both ways of meeting a bad record
  // The seed's Neo4j labels (tests/fixtures/link) mapped, so seeds reach past the first record.
  options.mapping.kinds = {{"Person", "idol"}, {"Group", "group"}, {"Company", "agency"}};
  try {
    io::Imported imported;
    if (format == 0) {
      imported = io::import_csv(fuzz::one_or_two_files(text, "nodes.csv", "nodes.csv", "relations.csv"), options);
    } else if (format == 1) {
      imported = io::import_graphml({{"graph.graphml", text}}, options);
    } else {
      imported = io::import_kpopnet({{"kpopnet.json", text}}, options);
    }
    Graph graph(std::move(imported.dataset));
    fuzz::require_graph_json(graph);
  } catch (const DataError&) {
  }
  return 0;
}
