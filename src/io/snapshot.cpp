// Binary snapshots: writing and validated reading.
#include "hallyu/io/snapshot.hpp"

#include <cstring>
#include <exception>
#include <future>
#include <limits>

#include "hallyu/error.hpp"
#include "hallyu/id_table.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/text.hpp"
#include "loader_detail.hpp"

namespace hallyu::io {
namespace {

// Layout (all integers little-endian as written by this machine, checked by the byte-order mark):
//   magic "HALLYUS\0" | u32 version | u32 byte-order mark | u64 checksum of everything after the header
//   body: u64 offset of the relations section in the body (so both sections can be read at once);
//         u64 sources, then per source a string;
//         u64 entities, then per entity: u8 kind, id, name, u32 aliases + strings, u32 attributes + (key, json);
//         u64 relations, then per relation: u32 from, u32 to, u8 type, u32 attributes + (key, json)
//   a string is u32 length + bytes.
constexpr char kMagic[8] = {'H', 'A', 'L', 'L', 'Y', 'U', 'S', '\0'};
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8;

// A fast 64-bit checksum over 8-byte words (not cryptographic: it catches damage, not forgery; the
// reader bounds-checks everything anyway).
std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

class Writer {
 public:
  template <typename T>
  void number(T value) {
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out_.append(raw, sizeof(T));
  }
  void string(std::string_view s) {
    number(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void attributes(const Attributes& attributes) {
    number(static_cast<std::uint32_t>(attributes.size()));
    for (const Attribute& a : attributes) string(a.key), string(a.json);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  // Reads body[at, end); messages give places in the whole file.
  Reader(const std::string& name, std::string_view body, std::size_t at = 0) : name_(name), body_(body), at_(at) {}
  template <typename T>
  T number() {
    need(sizeof(T), "a number");
    T value;
    std::memcpy(&value, body_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string string() {
    auto length = number<std::uint32_t>();
    need(length, "a string");
    std::string s(body_.data() + at_, length);
    at_ += length;
    return s;
  }
  // A count of records that each take at least `min_bytes`: refuses counts the file cannot hold,
  // so a damaged count cannot make the reader allocate gigabytes.
  std::size_t count(std::size_t min_bytes, const char* what) {
    auto n = number<std::uint64_t>();
    if (n > (body_.size() - at_) / std::max<std::size_t>(min_bytes, 1)) fail(std::string("impossible number of ") + what);
    return static_cast<std::size_t>(n);
  }
  Attributes attributes() {
    Attributes out(count32(8, "attributes"));
    for (Attribute& a : out) a.key = string(), a.json = string();
    return out;
  }
  std::size_t count32(std::size_t min_bytes, const char* what) {
    auto n = number<std::uint32_t>();
    if (n > (body_.size() - at_) / std::max<std::size_t>(min_bytes, 1)) fail(std::string("impossible number of ") + what);
    return n;
  }
  bool done() const { return at_ == body_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw DataError(name_ + ": damaged snapshot: " + what + " at byte " + std::to_string(kHeaderSize + at_));
  }

 private:
  void need(std::size_t n, const char* what) const {
    if (n > body_.size() - at_) fail(std::string("truncated while reading ") + what);
  }
  const std::string& name_;
  std::string_view body_;
  std::size_t at_ = 0;
};

}  // namespace

bool is_snapshot(std::string_view bytes) { return bytes.size() >= 8 && std::memcmp(bytes.data(), kMagic, 8) == 0; }

void write_snapshot(const Graph& graph, const std::filesystem::path& file) {
  Writer body;
  body.number(std::uint64_t{0});  // the relations' offset, filled in below
  body.number(static_cast<std::uint64_t>(graph.sources().size()));
  for (const std::string& s : graph.sources()) body.string(s);
  body.number(static_cast<std::uint64_t>(graph.entity_count()));
  for (const Entity& e : graph.entities()) {
    body.number(static_cast<std::uint8_t>(e.kind));
    body.string(e.id);
    body.string(e.name);
    body.number(static_cast<std::uint32_t>(e.aliases.size()));
    for (const std::string& alias : e.aliases) body.string(alias);
    body.attributes(e.attributes);
  }
  const auto relations_at = static_cast<std::uint64_t>(body.bytes().size());
  std::memcpy(body.bytes().data(), &relations_at, 8);
  body.number(static_cast<std::uint64_t>(graph.relation_count()));
  for (const Relation& r : graph.relations()) {
    body.number(r.from);
    body.number(r.to);
    body.number(static_cast<std::uint8_t>(r.type));
    body.attributes(r.attributes);
  }
  Writer header;
  header.bytes().append(kMagic, 8);
  header.number(kSnapshotVersion);
  header.number(kByteOrder);
  header.number(checksum(body.bytes()));
  write_file_atomically(file, [&](std::ostream& out) {
    out.write(header.bytes().data(), static_cast<std::streamsize>(header.bytes().size()));
    out.write(body.bytes().data(), static_cast<std::streamsize>(body.bytes().size()));
  });
}

void reseal_snapshot(std::string& bytes) {
  if (bytes.size() < kHeaderSize) return;
  std::uint64_t sum = checksum(std::string_view(bytes).substr(kHeaderSize));
  std::memcpy(bytes.data() + 16, &sum, 8);
}

Dataset read_snapshot(const std::string& name, std::string_view bytes) {
  if (!is_snapshot(bytes)) throw DataError(name + ": not a hallyu snapshot");
  if (bytes.size() < kHeaderSize) throw DataError(name + ": damaged snapshot: truncated header");
  std::uint32_t version, order;
  std::uint64_t sum;
  std::memcpy(&version, bytes.data() + 8, 4);
  std::memcpy(&order, bytes.data() + 12, 4);
  std::memcpy(&sum, bytes.data() + 16, 8);
  if (order != kByteOrder) throw DataError(name + ": snapshot written on a machine of another byte order; make it again here");
  if (version != kSnapshotVersion) {
    throw DataError(name + ": snapshot version " + std::to_string(version) + ", this hallyu reads version " +
                    std::to_string(kSnapshotVersion) + "; make it again with `hallyu snapshot`");
  }
  std::string_view body = bytes.substr(kHeaderSize);
  if (checksum(body) != sum) throw DataError(name + ": damaged snapshot: checksum mismatch");
  Reader head(name, body);
  const auto relations_at = head.number<std::uint64_t>();
  if (relations_at < 8 || relations_at > body.size()) head.fail("relations section outside the file");
  // Entities are read up to the relations section; both sections are read at once on big files.
  Reader in(name, body.substr(0, static_cast<std::size_t>(relations_at)), 8);
  Dataset d;
  d.sources.resize(in.count(4, "sources"));
  for (std::string& s : d.sources) s = in.string();
  // Content is checked exactly as the JSON loader checks it (the same functions): a snapshot is
  // data from a file like any other, and its checksum proves nothing about who wrote it.
  const LoadLimits limits;
  for (const std::string& s : d.sources) {
    if (s.size() > 4096) in.fail("a source name longer than 4096 bytes");
  }
  d.entities.resize(in.count(18, "entities"));
  if (d.entities.size() >= std::numeric_limits<VertexId>::max()) in.fail("more entities than 32-bit ids allow");
  const std::size_t n = d.entities.size();

  // The relations, on another thread when there are many (the result and the message for the first
  // problem in file order are the same either way). `checked` counts the relations read whole.
  std::size_t checked = 0;
  auto read_relations = [&] {
    Reader rel(name, body, static_cast<std::size_t>(relations_at));
    d.relations.resize(rel.count(13, "relations"));
    if (d.relations.size() >= std::numeric_limits<RelationId>::max() / 2) rel.fail("more relations than 32-bit ids allow");
    for (std::size_t i = 0; i < d.relations.size(); ++i, checked = i) {
      Relation& r = d.relations[i];
      r.from = rel.number<VertexId>();
      r.to = rel.number<VertexId>();
      auto type = rel.number<std::uint8_t>();
      if (r.from >= n || r.to >= n || r.from == r.to) rel.fail("bad relation endpoint");
      if (type >= kRelationTypeCount) rel.fail("unknown relation type");
      r.type = static_cast<RelationType>(type);
      r.attributes = rel.attributes();
      if (std::string problem = detail::relation_problem(r.type, r.attributes, limits); !problem.empty()) {
        rel.fail("relations[" + std::to_string(i) + "] (" + std::string(to_string(r.type)) + "): " + problem);
      }
    }
    if (!rel.done()) rel.fail("trailing bytes");
  };
  constexpr std::uint64_t kParallelBytes = 1 << 20;
  auto relations = std::async(body.size() - relations_at > kParallelBytes ? std::launch::async : std::launch::deferred,
                              read_relations);

  IdTable ids;
  ids.reserve(n);
  auto label = [&](std::size_t i) { return "entities[" + std::to_string(i) + "] (id " + text::quote(d.entities[i].id) + "): "; };
  for (std::size_t i = 0; i < n; ++i) {
    Entity& e = d.entities[i];
    auto kind = in.number<std::uint8_t>();
    if (kind >= kKindCount) in.fail("unknown kind");
    e.kind = static_cast<Kind>(kind);
    e.id = in.string();
    e.name = in.string();
    e.aliases.resize(in.count32(4, "aliases"));
    for (std::string& alias : e.aliases) alias = in.string();
    e.attributes = in.attributes();
    if (std::string problem = detail::entity_problem(e, limits); !problem.empty()) in.fail(label(i) + problem);
  }
  if (!in.done()) in.fail("entity records end before the relations section");
  // Ids are indexed once all are read, so each slot can be fetched from memory 16 entities ahead
  // (a random slot per id is a cache miss: a tenth of the load at 1M relations, waiting).
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 16 < n) ids.prefetch_slot(d.entities[i + 16].id);
    if (auto first = ids.find(d.entities[i].id, d.entities)) {
      throw DataError(name + ": damaged snapshot: " + label(i) + "duplicate id (also entities[" + std::to_string(*first) + "])");
    }
    ids.insert(static_cast<VertexId>(i), d.entities);
  }

  // Endpoint kinds need both sections; they are checked for the relations read whole, in order, so a
  // kind problem before a relation the other thread refused is the one reported.
  std::exception_ptr refused;
  try {
    relations.get();
  } catch (const DataError&) {
    refused = std::current_exception();
  }
  // A byte per entity: reading kinds from the 120-byte entities missed the cache once per relation.
  std::vector<Kind> kinds;
  kinds.reserve(n);
  for (const Entity& e : d.entities) kinds.push_back(e.kind);
  const std::size_t whole = refused ? checked : d.relations.size();
  for (std::size_t i = 0; i < whole; ++i) {
    const Relation& r = d.relations[i];
    Endpoints allowed = allowed_endpoints(r.type);
    if (!(allowed.from & bit(kinds[r.from])) || !(allowed.to & bit(kinds[r.to]))) {
      throw DataError(name + ": damaged snapshot: relations[" + std::to_string(i) + "] (" + std::string(to_string(r.type)) +
                      "): relation endpoints of kinds its type does not allow");
    }
  }
  if (refused) std::rethrow_exception(refused);
  d.ids = std::make_shared<IdTable>(std::move(ids));
  return d;
}

}  // namespace hallyu::io
