// The loader's facade: reads dataset files (JSON or snapshots) and runs the parse and merge phases.
#include "hallyu/io/json_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "hallyu/error.hpp"
#include "hallyu/io/snapshot.hpp"
#include "loader_detail.hpp"

namespace hallyu::embedded {
std::string_view bundled_dataset();
}

namespace hallyu::io {
namespace {

// How many times `key` (with its quotes) occurs in `text`: a cheap upper estimate of a record count.
std::size_t occurrences(std::string_view text, std::string_view key) {
  std::size_t count = 0;
  for (const char* at = text.data(); const void* hit = memmem(at, static_cast<std::size_t>(text.data() + text.size() - at), key.data(), key.size());) {
    ++count;
    at = static_cast<const char*>(hit) + key.size();
  }
  return count;
}

}  // namespace

using detail::Places;
using detail::RawEntity;
using detail::RawRelation;

Dataset load_dataset(const std::vector<SourceText>& sources, const LoadLimits& limits, const LoadProgress& progress) {
  Places places(sources);
  std::vector<RawEntity> entities;
  std::vector<RawRelation> relations;
  std::size_t total = 0, done = 0, entity_keys = 0, relation_keys = 0;
  for (const SourceText& s : sources) {
    total += s.text.size();
    entity_keys += occurrences(s.text, "\"kind\"");
    relation_keys += occurrences(s.text, "\"from\"");
  }
  // Raw records are about 200 bytes each: growing their vectors by doubling moved each one about
  // twice and, at the moment of a move, held both copies (a tenth of the load time and of the peak
  // memory at 1M relations). A key count bounds the record count closely enough; a key inside a
  // string only over-reserves a little.
  entities.reserve(entity_keys);
  relations.reserve(relation_keys);
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    detail::parse_source(i, sources[i], limits, places, entities, relations, progress, done, total);
    done += sources[i].text.size();
  }
  if (progress) progress(total, total);
  if (entities.size() >= std::numeric_limits<VertexId>::max() || relations.size() >= std::numeric_limits<RelationId>::max() / 2) {
    throw DataError("the dataset is larger than hallyu's 32-bit ids allow");
  }
  return detail::merge(sources, entities, relations, places, limits);
}

namespace {

// Only regular files are read: a FIFO or a terminal would block, a device such as /dev/zero never ends.
void require_regular_file(const struct ::stat& st, const std::string& name) {
  if (S_ISREG(st.st_mode)) return;
  const char* what = S_ISDIR(st.st_mode)    ? "a directory"
                     : S_ISFIFO(st.st_mode) ? "a FIFO"
                     : S_ISCHR(st.st_mode)  ? "a character device"
                     : S_ISBLK(st.st_mode)  ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : "not a regular file";
  throw DataError(name + ": is " + what + ", not a regular file");
}

std::string too_large(const std::string& name) {
  return name + ": larger than the input file limit of " + std::to_string(kMaxInputFileBytes >> 20) + " MiB";
}

}  // namespace

std::string read_file(const std::filesystem::path& file) {
  const std::string name = file.string();
  struct ::stat st {};
  if (::stat(file.c_str(), &st) != 0) throw DataError(name + ": cannot open: " + std::strerror(errno));
  require_regular_file(st, name);
  // O_NONBLOCK: should the path have been swapped for a FIFO since stat(), open() must not wait for a
  // writer; fstat() then checks what was actually opened.
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw DataError(name + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0) throw DataError(name + ": cannot read: " + std::strerror(errno));
  require_regular_file(st, name);
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxInputFileBytes) throw DataError(too_large(name));
  std::string body(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  for (;;) {
    if (done == body.size()) {
      // Read as far as fstat() said. Most files end there: probe for more into a small buffer rather
      // than doubling (zero-filling and copying) the whole body first. A file that grew since fstat()
      // is read on, within the limit.
      char more[65536];
      ssize_t n = ::read(fd, more, sizeof more);
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        throw DataError(name + ": read error: " + std::strerror(errno));
      }
      if (body.size() + static_cast<std::size_t>(n) > kMaxInputFileBytes) throw DataError(too_large(name));
      body.append(more, static_cast<std::size_t>(n));
      done = body.size();
      continue;
    }
    ssize_t n = ::read(fd, body.data() + done, body.size() - done);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw DataError(name + ": read error: " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  body.resize(done);
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
