// Where each record of a set of dataset sources was read ("file:line:col"), for messages about data
// that loaded fine but is questionable (hallyu check). The sources are parsed again, not merged; a
// record stated in several files is placed at its first statement, as the merge keeps it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"

namespace hallyu::io {

class RecordPlaces {
 public:
  // `sources` must outlive this object (places are worked out from the text when asked).
  explicit RecordPlaces(const std::vector<SourceText>& sources);
  // "file:line:col" of the record's opening brace; "" when it was not read from these sources.
  std::string entity(const Graph& graph, VertexId v) const;
  std::string relation(const Graph& graph, RelationId r) const;

 private:
  struct Site {
    std::uint32_t source = 0;
    std::size_t offset = 0;
  };
  std::string place(Site site) const;
  const std::vector<SourceText>& sources_;
  std::map<std::string, Site> entities_, relations_;
};

}  // namespace hallyu::io
