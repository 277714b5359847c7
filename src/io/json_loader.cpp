// The loader's facade: reads dataset files (JSON or snapshots) and runs the parse and merge phases.
#include "hallyu/io/json_loader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>

#include "hallyu/error.hpp"
#include "hallyu/io/snapshot.hpp"
#include "loader_detail.hpp"

namespace hallyu::embedded {
std::string_view bundled_dataset();
}

namespace hallyu::io {

using detail::Places;
using detail::RawEntity;
using detail::RawRelation;

Dataset load_dataset(const std::vector<SourceText>& sources, const LoadLimits& limits, const LoadProgress& progress) {
  Places places(sources);
  std::vector<RawEntity> entities;
  std::vector<RawRelation> relations;
  std::size_t total = 0, done = 0;
  for (const SourceText& s : sources) total += s.text.size();
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    detail::parse_source(i, sources[i], limits, places, entities, relations, progress, done, total);
    done += sources[i].text.size();
  }
  if (progress) progress(total, total);
  if (entities.size() >= std::numeric_limits<VertexId>::max() || relations.size() >= std::numeric_limits<RelationId>::max() / 2) {
    throw DataError("the dataset is larger than hallyu's 32-bit ids allow");
  }
  return detail::merge(sources, entities, relations, places);
}

std::string read_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) throw DataError(file.string() + ": is a directory, not a dataset file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot open: " + std::strerror(errno));
  std::string body;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size > 0) {
    body.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(body.data(), size);
  } else {  // pipes and special files do not report a size
    in.clear();
    in.seekg(0);
    body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) throw DataError(file.string() + ": read error");
  return body;
}

Dataset load_dataset_files(const std::vector<std::filesystem::path>& files, const LoadLimits& limits,
                           const LoadProgress& progress) {
  std::vector<SourceText> sources;
  for (const auto& file : files) {
    sources.push_back({file.string(), read_file(file)});
    if (is_snapshot(sources.back().text)) {
      if (files.size() > 1) {
        throw DataError(file.string() + ": a snapshot loads on its own; make one snapshot of all the files instead");
      }
      return read_snapshot(sources.back().name, sources.back().text);
    }
  }
  return load_dataset(sources, limits, progress);
}

SourceText bundled_dataset() { return {"bundled:datasets/hallyu.json", std::string(embedded::bundled_dataset())}; }

Graph load_graph(const std::vector<std::filesystem::path>& files, const LoadProgress& progress) {
  if (files.empty()) return Graph(load_dataset({bundled_dataset()}, {}, progress));
  return Graph(load_dataset_files(files, {}, progress));
}

}  // namespace hallyu::io
