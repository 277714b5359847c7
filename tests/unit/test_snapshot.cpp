// Binary snapshots: a round trip gives back the same dataset; damage of every kind is a DataError
// naming the file, never a crash or a partial graph.
#include <catch2/catch.hpp>
#include <fstream>

#include "../integration/cli_runner.hpp"
#include "../support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/snapshot.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string snapshot_of(const Graph& g) {
  auto path = test::scratch_dir() / "s.hsnap";
  io::write_snapshot(g, path);
  return test::slurp(path);
}

void same_dataset(const Graph& a, const Graph& b) {
  REQUIRE(a.entity_count() == b.entity_count());
  REQUIRE(a.relation_count() == b.relation_count());
  CHECK(a.sources() == b.sources());
  for (VertexId v = 0; v < a.entity_count(); ++v) {
    const Entity &x = a.entity(v), &y = b.entity(v);
    CHECK((x.id == y.id && x.kind == y.kind && x.name == y.name && x.aliases == y.aliases));
    REQUIRE(x.attributes.size() == y.attributes.size());
    for (std::size_t i = 0; i < x.attributes.size(); ++i) {
      CHECK((x.attributes[i].key == y.attributes[i].key && x.attributes[i].json == y.attributes[i].json));
    }
  }
  for (RelationId r = 0; r < a.relation_count(); ++r) {
    const Relation &x = a.relation(r), &y = b.relation(r);
    CHECK((x.from == y.from && x.to == y.to && x.type == y.type && x.attributes.size() == y.attributes.size()));
  }
}

}  // namespace

TEST_CASE("snapshot round trip gives back the dataset", "[snapshot]") {
  for (const char* name : {"mini.json", "generated_400.json", "crossovers.json"}) {
    INFO(name);
    Graph original(io::load_dataset_files({test::fixture(name)}));
    std::string bytes = snapshot_of(original);
    CHECK(io::is_snapshot(bytes));
    Graph again(io::read_snapshot("s.hsnap", bytes));
    same_dataset(original, again);
  }
}

TEST_CASE("damaged snapshots are refused with the file named", "[snapshot][errors]") {
  Graph g = test::mini_graph();
  std::string good = snapshot_of(g);
  auto error_of = [](const std::string& bytes) {
    try {
      io::read_snapshot("s.hsnap", bytes);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("not a snapshot at all"), StartsWith("s.hsnap: not a hallyu snapshot"));
  CHECK_THAT(error_of(good.substr(0, 12)), Contains("truncated header"));
  CHECK_THAT(error_of(good.substr(0, good.size() - 10)), Contains("checksum mismatch"));
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  CHECK_THAT(error_of(flipped), Contains("checksum mismatch"));
  std::string other_version = good;
  other_version[8] = 9;
  CHECK_THAT(error_of(other_version), Contains("snapshot version 9, this hallyu reads version 1"));
  std::string other_order = good;
  std::swap(other_order[12], other_order[15]);
  CHECK_THAT(error_of(other_order), Contains("another byte order"));
}

TEST_CASE("the CLI snapshots and loads snapshots with the same answers", "[snapshot][cli]") {
  std::string snap = test::scratch_dir() / "mini.hsnap";
  auto made = test::run_hallyu({"snapshot", "--data", test::fixture("mini.json"), "-o", snap, "--json"});
  REQUIRE(made.exit_code == 0);
  auto from_json = test::run_hallyu({"path", "iu", "d-o", "--k", "3", "--json", "--data", test::fixture("mini.json")});
  auto from_snapshot = test::run_hallyu({"path", "iu", "d-o", "--k", "3", "--json", "--data", snap});
  CHECK(from_snapshot.exit_code == 0);
  CHECK(from_snapshot.out == from_json.out);
  auto mixed = test::run_hallyu({"stats", "--data", snap, "--data", test::fixture("mini.json")});
  CHECK(mixed.exit_code == 2);
  CHECK_THAT(mixed.err, Contains("a snapshot loads on its own"));
  std::string damaged = test::write_scratch("damaged.hsnap", test::slurp(snap).substr(0, 100));
  auto bad = test::run_hallyu({"stats", "--data", damaged});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, StartsWith("hallyu: " + damaged + ": damaged snapshot"));
}
