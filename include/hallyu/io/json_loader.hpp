// Loads hallyu/1 JSON datasets. Validation stops at the first problem and throws a DataError whose
// one-line message starts with the place: "file:line:col: entities[3] (id 'x'): unknown kind ...".
// Several sources load together and merge by id (see datasets/SCHEMA.md for the rules).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/model.hpp"

namespace hallyu::io {

// A dataset text and the name it is called by in messages (a path, or "bundled:hallyu.json").
struct SourceText {
  std::string name;
  std::string text;
};

// Limits that keep hostile input from costing memory or time; exceeding one is a DataError.
struct LoadLimits {
  std::size_t max_id_bytes = 128;
  std::size_t max_name_bytes = 512;
  std::size_t max_aliases = 64;
  std::size_t max_attribute_bytes = 64 * 1024;
  std::size_t max_attribute_depth = 16;
};

// Called now and then while parsing with (bytes parsed, total bytes of all sources).
using LoadProgress = std::function<void(std::size_t done, std::size_t total)>;

Dataset load_dataset(const std::vector<SourceText>& sources, const LoadLimits& limits = {}, const LoadProgress& progress = {});
Dataset load_dataset_files(const std::vector<std::filesystem::path>& files, const LoadLimits& limits = {},
                           const LoadProgress& progress = {});

// Input files larger than this are refused (a DataError), so that a huge file fails with one line
// rather than with the system out of memory.
inline constexpr std::size_t kMaxInputFileBytes = std::size_t(4) << 30;  // 4 GiB

// The whole of a regular file as bytes (a symlink to one is followed). Directories, FIFOs, devices
// and sockets are refused without blocking, and so are files over kMaxInputFileBytes: each is a
// DataError naming the file.
std::string read_file(const std::filesystem::path& file);

// The dataset compiled into the binary (datasets/hallyu.json at build time).
SourceText bundled_dataset();

// The graph of `files`, or of the bundled dataset when `files` is empty.
Graph load_graph(const std::vector<std::filesystem::path>& files, const LoadProgress& progress = {});

}  // namespace hallyu::io
