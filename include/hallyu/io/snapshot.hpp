// Binary snapshots: a loaded dataset (entities, relations, attributes, sources) in one versioned file
// that loads without parsing JSON (`hallyu snapshot`, then `--data file.hsnap`). Written atomically;
// validated on read (magic, version, byte order, checksum, every size and index bounds-checked,
// relation endpoints checked against the schema): a damaged file is a DataError naming the file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "hallyu/graph.hpp"

namespace hallyu::io {

// 2: the body starts with the offset of the relations section.
inline constexpr std::uint32_t kSnapshotVersion = 2;

bool is_snapshot(std::string_view bytes);
void write_snapshot(const Graph& graph, const std::filesystem::path& file);
// `name` is how the file is called in messages. Content is checked like JSON input (ids, names,
// aliases, UTF-8, control and bidi characters, attribute JSON, years, limits): the checksum catches
// damage, not forgery.
Dataset read_snapshot(const std::string& name, std::string_view bytes);
// Recomputes the header's checksum after the body was edited: for tests and fuzzing, which check
// that the reader refuses crafted content, not just damaged bytes. No-op when too short.
void reseal_snapshot(std::string& bytes);

}  // namespace hallyu::io
