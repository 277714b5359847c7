// Fuzzes name resolution and search over the mini fixture (Latin and Hangul names and aliases; the
// bundled dataset's 1,586 entities made it 100 times slower under ASan): any query (invalid UTF-8,
// Hangul jamo, long) resolves or searches without crashing, and results come back ranked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "hallyu/error.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/name_index.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  static const Graph graph = io::load_graph({std::string(HALLYU_FIXTURES) + "/mini.json"});
  static const NameIndex names(graph);
  std::string_view query(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 1000)  /* the API's parameter limit */);
  (void)names.resolve(query);
  try {
    (void)names.resolve_one(query);
  } catch (const UsageError&) {
  }
  auto hits = names.search(query, 20);
  if (hits.size() > 20) std::abort();
  for (std::size_t i = 1; i < hits.size(); ++i) {
    if (hits[i].rank < hits[i - 1].rank) std::abort();  // best first
  }
  return 0;
}
