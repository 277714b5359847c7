// The CLI end to end: real binary, real files; exit codes, JSON shapes, error lines.
#include <rapidjson/document.h>

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "hallyu/io/json_loader.hpp"

#include "cli_runner.hpp"

using hallyu::test::fixture;
using hallyu::test::run_hallyu;
using hallyu::test::write_scratch;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  INFO(text);
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

void check_one_line_error(const hallyu::test::RunResult& r, const std::string& start) {
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith("hallyu: " + start));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

std::vector<std::string> node_ids(const rapidjson::Document& d) {
  std::vector<std::string> ids;
  for (const auto& n : d["nodes"].GetArray()) ids.push_back(n["id"].GetString());
  return ids;
}

}  // namespace

TEST_CASE("stats --json has the documented shape and consistent counts", "[cli]") {
  auto r = run_hallyu({"stats", "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  CHECK(d["entities"].GetInt() == 16);
  CHECK(d["relations"].GetInt() == 16);
  CHECK(d["by_kind"]["idol"].GetInt() == 3);
  CHECK(d["by_kind"]["network"].GetInt() == 2);
  CHECK(d["by_type"]["acted_in"].GetInt() == 6);
  CHECK(d["by_type"]["collaborated_with"].GetInt() == 0);
  CHECK(d["components"].GetInt() == 1);
}

TEST_CASE("the bundled dataset meets the documented minimums", "[cli][dataset]") {
  auto r = run_hallyu({"stats", "--json"});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  const auto& k = d["by_kind"];
  CHECK(k["idol"].GetInt() >= 150);
  CHECK(k["group"].GetInt() >= 40);
  CHECK(k["drama"].GetInt() >= 150);
  CHECK(k["ost"].GetInt() >= 200);
  CHECK(k["actor"].GetInt() >= 80);
  CHECK(k["agency"].GetInt() >= 15);
  CHECK(k["network"].GetInt() >= 12);
  CHECK(d["relations"].GetInt() >= 1200);
  int sum = 0;
  for (const auto& m : k.GetObject()) sum += m.value.GetInt();
  CHECK(sum == d["entities"].GetInt());
}

TEST_CASE("show prints an entity with its relations", "[cli]") {
  auto r = run_hallyu({"show", "이지은", "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  CHECK(std::string(d["id"].GetString()) == "iu");
  CHECK(d["degree"].GetInt() == 3);
  CHECK(d["attributes"]["birth_year"].GetInt() == 1993);
  bool found = false;
  for (const auto& rel : d["relations"].GetArray()) {
    if (std::string(rel["to"].GetString()) == "hotel-del-luna") {
      found = true;
      CHECK(std::string(rel["attributes"]["role"].GetString()) == "Jang Man-wol");
      CHECK(std::string(rel["text"].GetString()) == "IU starred in Hotel Del Luna (2019) as Jang Man-wol");
    }
  }
  CHECK(found);
  auto text = run_hallyu({"show", "IU", "--data", fixture("mini.json")});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("IU starred in My Mister (2018) as Lee Ji-an"));
}

TEST_CASE("search finds Hangul, aliases and typos", "[cli]") {
  auto r = run_hallyu({"search", "델루나", "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  REQUIRE(d["results"].Size() >= 1);
  CHECK(std::string(d["results"][0]["id"].GetString()) == "hotel-del-luna");
  auto none = run_hallyu({"search", "qqqqzzzz", "--data", fixture("mini.json")});
  CHECK(none.exit_code == 0);
  CHECK_THAT(none.out, Contains("no matches"));
  auto kind = run_hallyu({"search", "lee", "--kind", "actor", "--json", "--data", fixture("mini.json")});
  CHECK(parse(kind.out)["results"].Size() == 1);
}

TEST_CASE("neighbors filters each change the answer", "[cli][filter]") {
  auto ids = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"neighbors", "iu", "--radius", "2", "--json", "--data", fixture("mini.json")};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_hallyu(args);
    REQUIRE(r.exit_code == 0);
    return node_ids(parse(r.out));
  };
  CHECK(ids({}).size() == 7);
  CHECK(ids({"--via", "acted_in"}).size() == 4);
  CHECK(ids({"--exclude-kinds", "drama"}) == std::vector<std::string>{"edam-entertainment"});
  auto avoided = ids({"--avoid", "Hotel Del Luna"});
  CHECK(avoided.size() == 4);
  CHECK(std::find(avoided.begin(), avoided.end(), "yeo-jin-goo") == avoided.end());
  CHECK(ids({"--kind", "actor"}) == std::vector<std::string>{"yeo-jin-goo", "lee-sun-kyun"});
}

TEST_CASE("unknown and ambiguous entities exit 2 with one line", "[cli][errors]") {
  check_one_line_error(run_hallyu({"show", "taeyon", "--data", fixture("mini.json")}),
                       "no entity matches 'taeyon'; did you mean Taeyeon [taeyeon, idol]?");
  std::string same = write_scratch("same.json", R"({"format": "hallyu/1", "entities": [
    {"id": "a1", "kind": "actor", "name": "Kim Min-jung"}, {"id": "i1", "kind": "idol", "name": "X", "aliases": ["Kim Min-jung"]}]})");
  // A primary name outranks another entity's alias; two primary names are ambiguous.
  auto actor = parse(run_hallyu({"show", "kim min-jung", "--json", "--data", same}).out);
  CHECK(std::string(actor["id"].GetString()) == "a1");
  std::string twins = write_scratch("twins.json", R"({"format": "hallyu/1", "entities": [
    {"id": "jin-bts", "kind": "idol", "name": "Jin"}, {"id": "jin-lovelyz", "kind": "idol", "name": "Jin"}]})");
  check_one_line_error(run_hallyu({"show", "jin", "--data", twins}),
                       "'jin' is ambiguous: it could be Jin [jin-bts, idol], Jin [jin-lovelyz, idol]; use an id");
  check_one_line_error(run_hallyu({"neighbors", "iu", "--via", "sang", "--data", fixture("mini.json")}),
                       "unknown relation type 'sang'");
  check_one_line_error(run_hallyu({"neighbors", "iu", "--avoid", "nobody", "--data", fixture("mini.json")}),
                       "no entity matches 'nobody'");
}

TEST_CASE("bad dataset files exit 2 naming the place", "[cli][errors]") {
  std::string bad = write_scratch("bad.json", "{\"format\": \"hallyu/1\",\n \"entities\": [{\"id\": \"x\", \"kind\": \"idle\", \"name\": \"X\"}]}");
  check_one_line_error(run_hallyu({"stats", "--data", bad}), bad + ":2:35: entities[0] (id 'x'): unknown kind 'idle'");
  check_one_line_error(run_hallyu({"stats", "--data", "/nonexistent.json"}), "/nonexistent.json: cannot open");
  std::string garbage = write_scratch("garbage.json", std::string(1 << 20, '\x01'));
  check_one_line_error(run_hallyu({"stats", "--data", garbage}), garbage + ":1:1: malformed JSON");
}

TEST_CASE("input files that are not regular files are refused at once", "[cli][errors][input]") {
  auto dir = hallyu::test::scratch_dir();
  std::string fifo = (dir / "data.fifo").string();
  ::unlink(fifo.c_str());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A FIFO with no writer used to block forever; a snapshot's name changes nothing.
  check_one_line_error(run_hallyu({"stats", "--data", fifo}, 20), fifo + ": is a FIFO, not a regular file");
  std::string fifo_snapshot = (dir / "data.hsnap").string();
  ::unlink(fifo_snapshot.c_str());
  REQUIRE(::mkfifo(fifo_snapshot.c_str(), 0600) == 0);
  check_one_line_error(run_hallyu({"stats", "--data", fifo_snapshot}, 20), fifo_snapshot + ": is a FIFO");
  check_one_line_error(run_hallyu({"stats", "--data", "/dev/null"}, 20), "/dev/null: is a character device, not a regular file");
  check_one_line_error(run_hallyu({"stats", "--data", dir.string()}, 20), dir.string() + ": is a directory");
  // Over the size limit: refused before anything is read (a sparse file: no disk is used).
  std::string huge = (dir / "huge.json").string();
  { std::ofstream create(huge); }
  std::filesystem::resize_file(huge, hallyu::io::kMaxInputFileBytes + 1);
  check_one_line_error(run_hallyu({"stats", "--data", huge}, 20), huge + ": larger than the input file limit of 4096 MiB");
  std::filesystem::remove(huge);
  // A symlink to a regular file is read like the file.
  std::string link = (dir / "link.json").string();
  std::filesystem::remove(link);
  std::filesystem::create_symlink(fixture("mini.json"), link);
  CHECK(run_hallyu({"stats", "--data", link}, 20).exit_code == 0);
}

TEST_CASE("errors writing standard output exit non-zero with one message", "[cli][errors][output]") {
  auto err = hallyu::test::scratch_dir() / "full.err";
  std::string out_file = (hallyu::test::scratch_dir() / "render-full.svg").string();
  for (std::string args : {"stats", "stats --json", "show iu", "show iu --json", "centrality --metric degree",
                           "path iu d-o", "render --ego iu --format svg -o -"}) {
    INFO(args);
    std::string command = hallyu::test::shell_quote(HALLYU_BINARY) + " " + args + " --data " +
                          hallyu::test::shell_quote(fixture("mini.json")) + " >/dev/full 2>" + hallyu::test::shell_quote(err.string());
    int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    std::string message = hallyu::test::slurp(err);
    CHECK_THAT(message, StartsWith("hallyu: cannot write standard output"));
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
  }
  // -o to a full device: the same, through the output file path.
  auto r = run_hallyu({"render", "--ego", "iu", "--format", "svg", "-o", "/dev/full", "--data", fixture("mini.json")}, 60);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, StartsWith("hallyu: /dev/full: write failed"));
}

TEST_CASE("control and bidi characters in attributes never reach the terminal raw", "[cli][escaping]") {
  std::string data = write_scratch("steer.json", R"({"format": "hallyu/1", "entities": [
    {"id": "a", "kind": "idol", "name": "A"}, {"id": "d", "kind": "drama", "name": "D"}],
    "relations": [{"from": "a", "to": "d", "type": "acted_in", "role": "x\u001b[2J\r\u0000\u009b\u202eevil\u2069"}]})");
  for (std::vector<std::string> args : {std::vector<std::string>{"path", "a", "d"}, {"path", "a", "d", "--json"},
                                        {"neighbors", "a"}, {"show", "d", "--json"}}) {
    args.push_back("--data"), args.push_back(data);
    auto r = run_hallyu(args);
    INFO(r.out);
    CHECK(r.exit_code == 0);
    for (std::string raw : {std::string("\x1b"), std::string("\r"), std::string(1, '\0'), std::string("\xc2\x9b"),
                            std::string("\xe2\x80\xae"), std::string("\xe2\x81\xa9")}) {
      CHECK(r.out.find(raw) == std::string::npos);
    }
  }
  CHECK_THAT(run_hallyu({"path", "a", "d", "--data", data}).out, Contains("as x\\u001b[2J\\r\\u0000\\u009b\\u202eevil\\u2069"));
}

TEST_CASE("usage errors exit 2, help exits 0 and documents --json", "[cli][errors]") {
  auto r = run_hallyu({"stats", "--frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, StartsWith("hallyu: "));
  CHECK(run_hallyu({}).exit_code == 2);
  CHECK(run_hallyu({"neighbors", "iu", "--radius", "99"}).exit_code == 2);
  for (const char* command : {"stats", "show", "search", "neighbors", "path", "degrees", "centrality", "clusters", "crossovers", "render"}) {
    auto help = run_hallyu({command, "--help"});
    INFO(command);
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Contains("--json") && Contains("--data"));
  }
  CHECK_THAT(run_hallyu({"generate", "--help"}).out, Contains("--json") && Contains("--output"));
}

TEST_CASE("hostile names survive JSON output intact", "[cli][escaping]") {
  std::string hostile = R"(<script>alert("x")</script> & 'q' \ 🎤)";
  rapidjson::Document name_doc;
  std::string json_name = "\"<script>alert(\\\"x\\\")</script> & 'q' \\\\ 🎤\"";
  std::string path = write_scratch("hostile.json", R"({"format": "hallyu/1", "entities": [{"id": "h", "kind": "idol", "name": )" +
                                                       json_name + "}]}");
  auto r = run_hallyu({"show", "h", "--json", "--data", path});
  REQUIRE(r.exit_code == 0);
  CHECK(std::string(parse(r.out)["name"].GetString()) == hostile);
}

TEST_CASE("path --json has the documented shape and explains hops", "[cli][paths]") {
  auto r = run_hallyu({"path", "IU", "D.O.", "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  CHECK(std::string(d["from"].GetString()) == "iu");
  CHECK(std::string(d["to"].GetString()) == "d-o");
  REQUIRE(d["paths"].Size() == 1);
  const auto& p = d["paths"][0];
  CHECK(p["length"].GetInt() == 7);
  CHECK(p["nodes"].Size() == 8);
  CHECK(p["edges"].Size() == 7);
  CHECK(std::string(p["nodes"][2]["kind"].GetString()) == "ost");
  CHECK(std::string(p["edges"][2]["type"].GetString()) == "performed");
  auto text = run_hallyu({"path", "IU", "D.O.", "--data", fixture("mini.json")});
  CHECK_THAT(text.out, Contains("Taeyeon performed 'All About You', an OST of Hotel Del Luna"));
  CHECK_THAT(text.out, Contains("IU starred in Hotel Del Luna (2019) as Jang Man-wol"));
}

TEST_CASE("path options: k, all-shortest, filters, no path", "[cli][paths]") {
  auto k = parse(run_hallyu({"path", "iu", "d-o", "--k", "5", "--json", "--data", fixture("mini.json")}).out);
  REQUIRE(k["paths"].Size() == 2);
  CHECK(k["paths"][0]["length"].GetInt() == 7);
  CHECK(k["paths"][1]["length"].GetInt() == 9);
  auto all = parse(run_hallyu({"path", "iu", "tvn", "--all-shortest", "--json", "--data", fixture("mini.json")}).out);
  CHECK(all["total"].GetInt() == 2);
  CHECK(all["paths"].Size() == 2);
  auto none = run_hallyu({"path", "iu", "d-o", "--exclude-kinds", "agency", "--data", fixture("mini.json")});
  CHECK(none.exit_code == 0);
  CHECK_THAT(none.out, Contains("no path between"));
  auto none_json = run_hallyu({"path", "iu", "d-o", "--exclude-kinds", "agency", "--json", "--data", fixture("mini.json")});
  CHECK(none_json.exit_code == 0);
  CHECK(parse(none_json.out)["paths"].Size() == 0);
  auto avoided = parse(run_hallyu({"path", "iu", "tvn", "--avoid", "호텔 델루나", "--json", "--data", fixture("mini.json")}).out);
  CHECK(std::string(avoided["paths"][0]["nodes"][1]["id"].GetString()) == "my-mister");
  check_one_line_error(run_hallyu({"path", "iu", "nobody", "--data", fixture("mini.json")}), "no entity matches 'nobody'");
  check_one_line_error(run_hallyu({"path", "iu", "tvn", "--avoid", "tvn", "--data", fixture("mini.json")}), "cannot avoid tvN");
  check_one_line_error(run_hallyu({"path", "iu", "tvn", "--k", "2", "--all-shortest", "--data", fixture("mini.json")}),
                       "k and all_shortest do not go together");
}

TEST_CASE("degrees --json counts entities per distance", "[cli][paths]") {
  auto d = parse(run_hallyu({"degrees", "iu", "--json", "--data", fixture("mini.json")}).out);
  CHECK(d["reachable"].GetInt() == 15);
  CHECK(d["unreachable"].GetInt() == 0);
  CHECK(d["distances"][1]["distance"].GetInt() == 1);
  CHECK(d["distances"][1]["count"].GetInt() == 3);
  CHECK(d["farthest"]["distance"].GetInt() == 9);
  CHECK(d["farthest"]["count"].GetInt() == 2);  // Jo In-sung and SBS
  auto filtered = parse(run_hallyu({"degrees", "iu", "--via", "acted_in", "--json", "--data", fixture("mini.json")}).out);
  CHECK(filtered["reachable"].GetInt() == 4);
  CHECK(filtered["unreachable"].GetInt() == 11);
}

TEST_CASE("centrality --json is sorted by score then id", "[cli][centrality]") {
  auto r = run_hallyu({"centrality", "--metric", "betweenness", "--top", "0", "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  CHECK(std::string(d["metric"].GetString()) == "betweenness");
  const auto& scores = d["scores"];
  REQUIRE(scores.Size() == 16);
  for (rapidjson::SizeType i = 1; i < scores.Size(); ++i) {
    double a = scores[i - 1]["score"].GetDouble(), b = scores[i]["score"].GetDouble();
    CHECK(a >= b);
    if (a == b) CHECK(std::string(scores[i - 1]["id"].GetString()) < std::string(scores[i]["id"].GetString()));
  }
  // The OST is the only bridge between IU's side and SM's side of the mini graph.
  CHECK(std::string(scores[0]["id"].GetString()) == "hotel-del-luna");
}

TEST_CASE("centrality filters change the ranking", "[cli][centrality][filter]") {
  auto top_id = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"centrality", "-m", "degree", "--json", "--data", fixture("mini.json")};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_hallyu(args);
    REQUIRE(r.exit_code == 0);
    auto d = parse(r.out);
    return std::make_pair(std::string(d["scores"][0]["id"].GetString()), d["entities"].GetInt());
  };
  CHECK(top_id({}).second == 16);
  CHECK(top_id({"--exclude-kinds", "agency,network"}).second == 12);  // computed on the induced subgraph
  CHECK(top_id({"--kind", "actor"}).first != top_id({}).first);        // listing filter
  CHECK(top_id({"--projection", "people"}).second == 6);               // idols and actors only
  auto top3 = parse(run_hallyu({"centrality", "-m", "pagerank", "--top", "3", "--json", "--data", fixture("mini.json")}).out);
  CHECK(top3["scores"].Size() == 3);
}

TEST_CASE("centrality usage errors exit 2", "[cli][centrality][errors]") {
  check_one_line_error(run_hallyu({"centrality", "-m", "popularity", "--data", fixture("mini.json")}), "unknown metric 'popularity'");
  check_one_line_error(run_hallyu({"centrality", "-m", "pagerank", "--approx", "0.1", "--data", fixture("mini.json")}),
                       "approx applies to metric betweenness only");
  check_one_line_error(run_hallyu({"centrality", "-m", "betweenness", "--approx", "2", "--data", fixture("mini.json")}),
                       "approx must be from 0.0001 to 0.5 (got 2)");
  check_one_line_error(run_hallyu({"centrality", "--projection", "fans", "--data", fixture("mini.json")}), "unknown projection 'fans'");
  auto approx = parse(run_hallyu({"centrality", "-m", "betweenness", "--approx", "0.1", "--seed", "3", "--json", "--data", fixture("mini.json")}).out);
  CHECK(approx["approximate"]["samples"].GetInt() > 0);
}

TEST_CASE("clusters --json has the documented shape", "[cli][clusters]") {
  auto d = parse(run_hallyu({"clusters", "-m", "leiden", "--top", "0", "--json", "--data", fixture("generated_120.json")}).out);
  CHECK(std::string(d["method"].GetString()) == "leiden");
  CHECK(d["modularity"].GetDouble() > 0.3);
  int total = 0;
  for (const auto& c : d["clusters"].GetArray()) {
    CHECK(c["size"].GetInt() == static_cast<int>(c["members"].Size()));
    total += c["size"].GetInt();
  }
  CHECK(total == 314);  // a partition covers every entity
  auto kcore = parse(run_hallyu({"clusters", "-m", "kcore", "--json", "--data", fixture("mini.json")}).out);
  CHECK(kcore["modularity"].IsNull());
  CHECK(kcore["k"].GetInt() == 2);  // the cycle IU - Hotel Del Luna - tvN - My Mister (NetworkX core_number agrees)
  CHECK(kcore["clusters"][0]["size"].GetInt() == 4);
  auto small = parse(run_hallyu({"clusters", "-m", "components", "--min-size", "5", "--json", "--exclude-kinds", "agency,network",
                                 "--data", fixture("mini.json")}).out);
  REQUIRE(small["clusters"].Size() == 1);  // the 8-entity component; the 4-entity one is below --min-size
  CHECK(small["clusters"][0]["size"].GetInt() == 8);
  check_one_line_error(run_hallyu({"clusters", "-m", "spectral", "--data", fixture("mini.json")}), "unknown method 'spectral'");
}

TEST_CASE("crossovers --json lists each pattern with its words", "[cli][crossovers]") {
  auto d = parse(run_hallyu({"crossovers", "--json", "--data", fixture("crossovers.json")}).out);
  CHECK(d["idol_actors"].Size() == 3);
  CHECK(std::string(d["self_osts"][0]["text"].GetString()) == "Idol One sang 'Song Two' for Drama Two, a drama they acted in");
  CHECK(d["agency_pipelines"][0]["count"].GetInt() == 4);
  CHECK(std::string(d["ost_specialists"][0]["singer"]["id"].GetString()) == "s1");
  auto only = parse(run_hallyu({"crossovers", "--pattern", "self-osts", "--json", "--data", fixture("crossovers.json")}).out);
  CHECK(only.HasMember("self_osts"));
  CHECK_FALSE(only.HasMember("idol_actors"));
  check_one_line_error(run_hallyu({"crossovers", "--pattern", "duets", "--data", fixture("crossovers.json")}), "unknown pattern 'duets'");
}

TEST_CASE("render writes SVG, PNG and DOT files", "[cli][render]") {
  std::string svg = hallyu::test::scratch_dir() / "iu.svg";
  auto r = run_hallyu({"render", "--ego", "IU", "-o", svg, "--json", "--data", fixture("mini.json")});
  REQUIRE(r.exit_code == 0);
  auto d = parse(r.out);
  CHECK(std::string(d["layout"].GetString()) == "neato");
  CHECK(d["entities"].GetInt() == 4);
  CHECK(hallyu::test::slurp(svg).find("<svg") != std::string::npos);
  std::string png = hallyu::test::scratch_dir() / "path.png";
  REQUIRE(run_hallyu({"render", "--path", "IU", "D.O.", "-o", png, "--data", fixture("mini.json")}).exit_code == 0);
  CHECK(hallyu::test::slurp(png).compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto dot = run_hallyu({"render", "--cluster", "0", "-m", "components", "--exclude-kinds", "agency,network", "-o", "-",
                         "--format", "dot", "--data", fixture("mini.json")});
  REQUIRE(dot.exit_code == 0);
  CHECK_THAT(dot.out, Contains("subgraph cluster_0") && Contains("\"hotel-del-luna\""));
  CHECK_THAT(dot.out, !Contains("\"sm-entertainment\""));  // the filter applies to renderings too
}

TEST_CASE("render refuses bad requests with exit 2 and leaves no file", "[cli][render][errors]") {
  std::string out = hallyu::test::scratch_dir() / "refused.svg";
  check_one_line_error(run_hallyu({"render", "--all", "--max-nodes", "5", "-o", out, "--data", fixture("mini.json")}),
                       "the whole graph has 16 entities, more than max_nodes 5");
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(run_hallyu({"render", "--all", "--max-nodes", "5", "--force", "-o", out, "--data", fixture("mini.json")}).exit_code == 0);
  check_one_line_error(run_hallyu({"render", "-o", out, "--data", fixture("mini.json")}), "choose exactly one of");
  check_one_line_error(run_hallyu({"render", "--ego", "iu", "-o", "x.bmp", "--data", fixture("mini.json")}), "unknown format 'bmp'");
  check_one_line_error(run_hallyu({"render", "--ego", "iu", "-o", "/nonexistent/dir/x.svg", "--data", fixture("mini.json")}),
                       "/nonexistent/dir/x.svg: directory /nonexistent/dir does not exist");
  check_one_line_error(run_hallyu({"render", "--ego", "nobody", "-o", out, "--data", fixture("mini.json")}), "no entity matches 'nobody'");
  check_one_line_error(run_hallyu({"render", "--path", "iu", "d-o", "--exclude-kinds", "agency", "-o", out, "--data", fixture("mini.json")}),
                       "no path between");
  // A failed render does not touch an existing file.
  std::string before = hallyu::test::slurp(out);
  CHECK(run_hallyu({"render", "--ego", "nobody", "-o", out, "--data", fixture("mini.json")}).exit_code == 2);
  CHECK(hallyu::test::slurp(out) == before);
  for (const auto& entry : std::filesystem::directory_iterator(hallyu::test::scratch_dir())) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);  // no temporary files left behind
  }
}

TEST_CASE("options work before, between and after positional names", "[cli][options]") {
  std::string mini = fixture("mini.json");
  std::string generated = fixture("generated_120.json");
  auto reference = run_hallyu({"path", "idol-1", "idol-2", "--avoid", "idol-5", "--exclude-kinds", "agency", "--json", "--data", generated});
  REQUIRE(reference.exit_code == 0);
  for (std::vector<std::string> args : {
           std::vector<std::string>{"path", "--avoid", "idol-5", "idol-1", "idol-2", "--exclude-kinds", "agency", "--json", "--data", generated},
           std::vector<std::string>{"path", "--data", generated, "--exclude-kinds", "agency", "idol-1", "--avoid", "idol-5", "idol-2", "--json"},
           std::vector<std::string>{"path", "--json", "idol-1", "--exclude-kinds", "agency", "--avoid", "idol-5", "--data", generated, "idol-2"}}) {
    auto r = run_hallyu(args);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == reference.out);
  }
  // The avoided entity really changed the answer (else the test above proves nothing).
  CHECK(run_hallyu({"path", "idol-1", "idol-2", "--exclude-kinds", "agency", "--json", "--data", generated}).out != reference.out);
  auto before = run_hallyu({"neighbors", "--kind", "idol", "iu", "--radius", "2", "--json", "--data", mini});
  auto after = run_hallyu({"neighbors", "iu", "--radius", "2", "--kind", "idol", "--json", "--data", mini});
  REQUIRE(before.exit_code == 0);
  CHECK(before.out == after.out);
  // Repeated options accumulate; a comma list means the same as repeating.
  CHECK(run_hallyu({"neighbors", "--kind", "idol", "--kind", "group", "iu", "--json", "--data", mini}).out ==
        run_hallyu({"neighbors", "iu", "--kind", "idol,group", "--json", "--data", mini}).out);
}

TEST_CASE("numbers are read strictly: negatives, nan, inf and overflow are refused", "[cli][options]") {
  std::string mini = fixture("mini.json");
  check_one_line_error(run_hallyu({"centrality", "--top", "-1", "--data", mini}), "top must not be negative (got -1)");
  check_one_line_error(run_hallyu({"path", "iu", "d-o", "--all-shortest", "--limit", "-1", "--data", mini}), "limit must not be negative");
  check_one_line_error(run_hallyu({"degrees", "iu", "--farthest", "-1", "--data", mini}), "farthest must not be negative");
  check_one_line_error(run_hallyu({"clusters", "--seed", "-1", "--data", mini}), "seed must not be negative");
  check_one_line_error(run_hallyu({"clusters", "--top", "99999999999999999999", "--data", mini}), "top '99999999999999999999' is out of range");
  for (const char* bad : {"nan", "inf", "-inf", "1e308", "0"}) {
    check_one_line_error(run_hallyu({"clusters", "--resolution", bad, "--data", mini}), "resolution");
  }
  for (const char* bad : {"0", "101", "-1"}) check_one_line_error(run_hallyu({"clusters", "--rounds", bad, "--data", mini}), "rounds");
  for (const char* tiny : {"1e-200", "1e-300", "5e-324"}) {
    check_one_line_error(run_hallyu({"centrality", "-m", "betweenness", "--approx", tiny, "--data", mini}),
                         "approx must be from 0.0001 to 0.5");
  }
  check_one_line_error(run_hallyu({"centrality", "--alpha", "0x1p-2", "--data", mini}), "alpha must be a number, not '0x1p-2'");
  check_one_line_error(run_hallyu({"neighbors", "iu", "--radius", "7", "--data", mini}), "radius must be from 1 to 6 (got 7)");
}

TEST_CASE("text output marks shared names with their ids", "[cli][names]") {
  std::string twins = write_scratch("twins-degrees.json", R"({"format": "hallyu/1", "entities": [
    {"id": "jin-bts", "kind": "idol", "name": "Jin"}, {"id": "jin-lovelyz", "kind": "idol", "name": "Jin"},
    {"id": "bts", "kind": "group", "name": "BTS"}, {"id": "lovelyz", "kind": "group", "name": "Lovelyz"},
    {"id": "x", "kind": "idol", "name": "X"}],
    "relations": [{"from": "jin-bts", "to": "bts", "type": "member_of"}, {"from": "x", "to": "bts", "type": "member_of"},
                  {"from": "x", "to": "lovelyz", "type": "member_of"}, {"from": "jin-lovelyz", "to": "lovelyz", "type": "member_of"}]})");
  auto r = run_hallyu({"degrees", "bts", "--data", twins});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("farthest (3 hops): Jin [jin-lovelyz]"));
  auto path = run_hallyu({"path", "jin-bts", "jin-lovelyz", "--data", twins});
  CHECK_THAT(path.out, Contains("Jin [jin-bts] -> BTS -> X -> Lovelyz -> Jin [jin-lovelyz]"));
}

TEST_CASE("query: tables, JSON, CSV, parameters, files, standard input and errors", "[cli][query]") {
  std::string mini = fixture("mini.json");
  const std::string q = "MATCH (i:Idol)-[r:ACTED_IN]->(d:Drama) RETURN i.name AS idol, d.name AS drama, r.year AS year ORDER BY year, drama";
  auto table = run_hallyu({"query", q, "--data", mini});
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, StartsWith("idol"));
  CHECK_THAT(table.out, Contains("IU"));
  auto json = parse(run_hallyu({"query", q, "--json", "--data", mini}).out);
  CHECK(json["columns"].Size() == 3);
  std::size_t rows = json["rows"].Size();
  CHECK(rows >= 2);
  CHECK_THAT(table.out, Contains(std::to_string(rows) + " rows"));
  auto csv = run_hallyu({"query", q, "--csv", "--data", mini});
  CHECK_THAT(csv.out, StartsWith("idol,drama,year\r\n"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == static_cast<long>(rows + 1));
  // Parameters: a literal (2019 is a number) or text.
  auto param = parse(run_hallyu({"query", "MATCH (d:Drama) WHERE d.year = $y RETURN d.id AS id ORDER BY id", "--param", "y=2019", "--json",
                                 "--data", mini}).out);
  REQUIRE(param["rows"].Size() >= 1);
  CHECK(std::string(param["rows"][0][0].GetString()) == "hotel-del-luna");
  auto text_param = parse(run_hallyu({"query", "MATCH (n {name: $name}) RETURN n.id", "--param", "name=IU", "--json", "--data", mini}).out);
  CHECK(std::string(text_param["rows"][0][0].GetString()) == "iu");
  // From a file and from standard input.
  std::string file = write_scratch("q.cypher", "MATCH (n:Group) RETURN count(n) AS groups");
  auto from_file = parse(run_hallyu({"query", "-f", file, "--json", "--data", mini}).out);
  CHECK(from_file["rows"][0][0].GetInt() == 2);
  auto from_stdin = hallyu::test::run_hallyu_with_input({"query", "--json", "--data", mini}, "MATCH (n:Network) RETURN count(*)");
  CHECK(parse(from_stdin.out)["rows"][0][0].GetInt() == 2);
  // Errors: exit 2, the message line first, then the query line and a caret.
  auto bad = run_hallyu({"query", "MATCH (i:Idol RETURN i", "--data", mini});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, StartsWith("hallyu: line 1, column 15: expected ')'"));
  CHECK_THAT(bad.err, Contains("\nMATCH (i:Idol RETURN i\n              ^\n"));
  auto unknown = run_hallyu({"query", "MATCH (i:Idl) RETURN i", "--data", mini});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, StartsWith("hallyu: line 1, column"));
  CHECK_THAT(unknown.err, Contains("unknown label 'Idl' (did you mean 'idol'?)"));
  auto write = run_hallyu({"query", "CREATE (n:Idol {name: 'X'})", "--data", mini});
  CHECK(write.exit_code == 2);
  CHECK_THAT(write.err, Contains("read-only"));
  check_one_line_error(run_hallyu({"query", "MATCH (n) RETURN n", "--param", "=3", "--data", mini}), "param takes NAME=VALUE");
  // A diagram of what the query returned.
  std::string svg = hallyu::test::scratch_dir() / "q.svg";
  auto drawn = run_hallyu({"query", "MATCH p = shortestPath((a {id: 'iu'})-[*]-(b {id: 'd-o'})) RETURN p", "--render", svg, "--data", mini});
  REQUIRE(drawn.exit_code == 0);
  std::string body = hallyu::test::slurp(svg);
  CHECK_THAT(body, Contains("<svg"));
  CHECK_THAT(body, Contains("D.O."));
}

TEST_CASE("check: warnings with places, --strict exits 2, the bundled data passes", "[cli][check]") {
  std::string bad = fixture("check/implausible.json");
  auto warned = run_hallyu({"check", "--data", bad});
  CHECK(warned.exit_code == 0);
  CHECK_THAT(warned.out, Contains(bad + ":31:3: warning [until-before-since]: until 2019 is before since 2020"));
  CHECK_THAT(warned.out, Contains("9 warnings"));
  auto strict = run_hallyu({"check", "--strict", "--data", bad});
  CHECK(strict.exit_code == 2);
  CHECK(strict.err == "hallyu: 9 warnings (strict: warnings are errors)\n");
  CHECK_THAT(strict.out, Contains("[many-leads-in-one-year]"));  // the warnings are shown first
  auto json = run_hallyu({"check", "--json", "--data", bad});
  REQUIRE(json.exit_code == 0);
  CHECK(parse(json.out)["warnings"].Size() == 9);
  auto bundled = run_hallyu({"check", "--strict"});
  INFO(bundled.out);
  CHECK(bundled.exit_code == 0);
  CHECK_THAT(bundled.out, Contains("0 warnings"));
}

TEST_CASE("the year window on the command line: bad values name the parameter", "[cli][time]") {
  check_one_line_error(run_hallyu({"neighbors", "IU", "--years", "2019-2016"}), "years must run forwards");
  check_one_line_error(run_hallyu({"path", "IU", "Suzy", "--as-of", "x"}), "as_of must be a whole number");
  auto window = run_hallyu({"stats", "--by-year", "--years", "2016-2019", "--json"});
  REQUIRE(window.exit_code == 0);
  auto d = parse(window.out);
  REQUIRE(d["by_year"].Size() == 4);
  CHECK(d["by_year"][0]["year"].GetInt() == 2016);
  CHECK(d["by_year"][3]["year"].GetInt() == 2019);
}

TEST_CASE("show never prints control characters of attribute values raw", "[cli][hostile]") {
  std::string data = write_scratch("esc-attr.json", "{\"format\": \"hallyu/1\", \"entities\": [{\"id\": \"x\", \"kind\": \"idol\", "
                                                    "\"name\": \"X\", \"bio\": \"a\\u001b[31mred\\u202e\"}]}");
  auto r = run_hallyu({"show", "x", "--data", data});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(r.out, Contains("bio: a\\u001b[31mred\\u202e"));
}
