// The year window and the time-aware operations on tests/fixtures/time.json, a hand-built fictional
// graph whose answers are worked out here by hand:
//   Group One (debut 2010): Idol One (since 2010, current), Idol Two (2010-2014, former).
//   Contracts: Group One - Agency One 2010-2015; Actor One - Agency One since 2012; Idol One - Agency
//   Two since 2016.
//   Dramas: Drama Four 2011 (Network One): Actor One. Drama One 2012 (Network One): Idol One, Idol Two,
//   Actor One. Drama Two 2016 (Network One): Idol One, Actor One, OST Song One (2016) by Group One.
//   Drama Three 2018 (Network Two): Idol Two, Actor One. Idol One and Actor One collaborated (undated).
// Every operation goes through the API (the request layer and the JSON shapes): the filter must change
// each answer where it should and leave it alone where it should not.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "../support.hpp"
#include "hallyu/algo/relation_years.hpp"
#include "hallyu/error.hpp"
#include "hallyu/query/render.hpp"
#include "hallyu/query/stats.hpp"
#include "hallyu/server/api.hpp"

using namespace hallyu;

namespace {

Graph fixture() { return Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/time.json"})); }

rapidjson::Document call(const server::Api& api, const std::string& route,
                         std::multimap<std::string, std::string> params) {
  server::Response response = api.handle({route, std::move(params)});
  INFO(route << " " << response.body);
  REQUIRE(response.status == 200);
  rapidjson::Document d;
  d.Parse(response.body.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

std::set<std::string> node_ids(const rapidjson::Value& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes.GetArray()) out.insert(n["id"].GetString());
  return out;
}

std::vector<std::string> path_ids(const rapidjson::Document& d, std::size_t i = 0) {
  std::vector<std::string> out;
  for (const auto& n : d["paths"][static_cast<rapidjson::SizeType>(i)]["nodes"].GetArray())
    out.push_back(n["id"].GetString());
  return out;
}

double score_of(const rapidjson::Document& d, const std::string& id) {
  for (const auto& s : d["scores"].GetArray()) {
    if (id == s["id"].GetString()) return s["score"].GetDouble();
  }
  FAIL("no score for " << id);
  return 0;
}

}  // namespace

TEST_CASE("relation years by type, and what each window keeps", "[time]") {
  Graph g = fixture();
  std::vector<algo::YearSpan> spans = algo::relation_years(g);
  auto span = [&](const char* from, const char* to) {
    for (RelationId r = 0; r < g.relation_count(); ++r) {
      if (g.entity(g.relation(r).from).id == from && g.entity(g.relation(r).to).id == to) return spans[r];
    }
    FAIL("no relation " << from << " -> " << to);
    return algo::YearSpan{};
  };
  CHECK(span("i2", "g1").first == 2010);  // an interval
  CHECK(span("i2", "g1").last == 2014);
  CHECK(span("i2", "g1").interval);
  CHECK(span("i1", "g1").last == algo::kLatestYear);  // current: open end
  CHECK(span("d3", "n2").first == 2018);              // aired_on: the drama's year
  CHECK(span("g1", "o1").first == 2016);              // performed: the OST's year
  CHECK(span("o1", "d2").first == 2016);
  CHECK_FALSE(span("i1", "a1").dated);  // collaborated_with without a year

  algo::YearWindow years;
  years.first = 2016, years.last = 2019;
  CHECK(years.allows(span("i1", "d2")));        // 2016 in range
  CHECK_FALSE(years.allows(span("i1", "d1")));  // 2012 is not
  CHECK_FALSE(years.allows(span("i2", "g1")));  // 2010-2014 does not overlap
  CHECK(years.allows(span("a1", "ag1")));       // since 2012, open: overlaps
  CHECK(years.allows(span("i1", "a1")));        // undated: kept ...
  years.strict = true;
  CHECK_FALSE(years.allows(span("i1", "a1")));  // ... unless strict
  algo::YearWindow as_of;
  as_of.as_of = 2015;
  CHECK(as_of.allows(span("i1", "d1")));         // an event before 2015
  CHECK_FALSE(as_of.allows(span("i1", "d2")));   // 2016 had not happened
  CHECK_FALSE(as_of.allows(span("i2", "g1")));   // left in 2014: not in force in 2015
  CHECK(as_of.allows(span("g1", "ag1")));        // 2010-2015 in force in 2015
  CHECK_FALSE(as_of.allows(span("i1", "ag2")));  // from 2016
}

TEST_CASE("years and as_of are parsed strictly, naming the parameter", "[time]") {
  auto window = [](std::string years, std::optional<long long> as_of = std::nullopt) {
    return query::year_window({std::move(years), as_of, false});
  };
  CHECK(window("2016-2019").first == 2016);
  CHECK(window("2016-2019").last == 2019);
  CHECK(window("2016-").last == algo::kLatestYear);
  CHECK(window("-2010").first == algo::kEarliestYear);
  CHECK(window("2016").last == 2016);
  CHECK_FALSE(window("").active());
  for (const char* bad : {"x", "2016-2019-2020", "-", "2019-2016", "20a6", "1700-", "2016 - 2019"}) {
    INFO(bad);
    CHECK_THROWS_AS(window(bad), UsageError);
    CHECK_THROWS_WITH(window(bad), Catch::Contains("years"));
  }
  CHECK_THROWS_WITH(window("", 3000), Catch::Contains("as_of must be from 1800 to 2200"));
}

TEST_CASE("the year window changes paths where it should, not where it should not", "[time]") {
  Graph g = fixture();
  server::Api api(g);
  auto base = call(api, "/api/path", {{"from", "i2"}, {"to", "d2"}});
  REQUIRE(base["paths"][0]["length"].GetInt() == 3);
  // Idol Two left Group One in 2014: from 2016 on the path goes through Drama Three and Actor One.
  auto later = call(api, "/api/path", {{"from", "i2"}, {"to", "d2"}, {"years", "2016-"}, {"all_shortest", "true"}});
  REQUIRE(later["paths"].Size() == 1);
  CHECK(path_ids(later) == std::vector<std::string>{"i2", "d3", "a1", "d2"});
  // As of 2012 Drama Two (2016) had not aired: no path.
  CHECK(call(api, "/api/path", {{"from", "i2"}, {"to", "d2"}, {"as_of", "2012"}})["paths"].Size() == 0);
  // A window that holds every date changes nothing.
  auto all = call(api, "/api/path", {{"from", "i2"}, {"to", "d2"}, {"years", "1990-2030"}});
  CHECK(path_ids(all) == path_ids(base));
}

TEST_CASE("the year window changes neighbours, degrees and renderings", "[time]") {
  Graph g = fixture();
  server::Api api(g);
  auto ids = [&](std::multimap<std::string, std::string> p) {
    return node_ids(call(api, "/api/neighbors", std::move(p))["nodes"]);
  };
  using S = std::set<std::string>;
  CHECK(ids({{"id", "a1"}}) == S{"ag1", "d1", "d2", "d3", "d4", "i1"});
  CHECK(ids({{"id", "a1"}, {"years", "2016-2019"}}) == S{"ag1", "d2", "d3", "i1"});
  CHECK(ids({{"id", "a1"}, {"years", "2016-2019"}, {"strict_years", "true"}}) == S{"ag1", "d2", "d3"});
  CHECK(ids({{"id", "a1"}, {"as_of", "2012"}}) == S{"ag1", "d1", "d4", "i1"});
  // Drama One's relations are all of 2012: a window holding 2012 leaves them.
  CHECK(ids({{"id", "d1"}, {"years", "2012"}}) == ids({{"id", "d1"}}));

  auto reach = [&](std::multimap<std::string, std::string> p) {
    return call(api, "/api/degrees", std::move(p))["reachable"].GetInt();
  };
  CHECK(reach({{"id", "i2"}}) == 12);
  CHECK(reach({{"id", "i2"}, {"as_of", "2012"}}) == 7);  // g1, i1, ag1, d1, a1, n1, d4
  CHECK(reach({{"id", "i2"}, {"years", "1800-2200"}}) == 12);

  query::Engine engine(g);
  auto drawn = [&](std::string years) {
    query::RenderRequest request;
    request.ego = "d1";
    request.radius = 1;
    request.format = "dot";
    request.filter.time.years = std::move(years);
    return query::render_diagram(engine, request).diagram.vertices.size();
  };
  CHECK(drawn("") == 5);  // Drama One, its three cast and Network One
  CHECK(drawn("2012") == 5);
  CHECK(drawn("2016-") == 1);
}

TEST_CASE("the year window changes centrality and clusters", "[time]") {
  Graph g = fixture();
  server::Api api(g);
  // Degree centrality over 13 entities: Actor One's distinct neighbours / 12.
  CHECK(score_of(call(api, "/api/centrality", {{"metric", "degree"}, {"top", "0"}}), "a1") == Approx(6.0 / 12));
  CHECK(score_of(call(api, "/api/centrality", {{"metric", "degree"}, {"top", "0"}, {"as_of", "2012"}}), "a1") ==
        Approx(4.0 / 12));
  CHECK(score_of(call(api, "/api/centrality",
                      {{"metric", "degree"}, {"top", "0"}, {"as_of", "2012"}, {"strict_years", "true"}}),
                 "a1") == Approx(3.0 / 12));
  auto clusters = [&](std::multimap<std::string, std::string> p) {
    p.emplace("method", "components");
    p.emplace("top", "0");
    auto d = call(api, "/api/clusters", std::move(p));
    return std::make_pair(d["total_clusters"].GetInt(), d["clusters"][0]["size"].GetInt());
  };
  CHECK(clusters({}) == std::make_pair(1, 13));
  // As of 2012: the 8 entities around Drama One and Drama Four, and Agency Two, Drama Two, Drama Three,
  // Network Two and Song One alone.
  CHECK(clusters({{"as_of", "2012"}}) == std::make_pair(6, 8));
  CHECK(clusters({{"years", "2000-2100"}}) == std::make_pair(1, 13));
}

TEST_CASE("crossovers honour the window; agency credits honour contracts", "[time]") {
  Graph g = fixture();
  server::Api api(g);
  auto networks = call(api, "/api/crossovers", {{"pattern", "agency-networks"}, {"top", "0"}});
  // Agency One: Idol One (2010-2015 through the group) 1 credit (Drama One; Drama Two of 2016 is after
  // the group's contract), Idol Two (2010-2014) 1 (Drama One; not Drama Three of 2018), Actor One
  // (since 2012) 3 (Drama One, Two, Three; not Drama Four of 2011): 5 credits, 4 of them on Network
  // One by 3 artists. Network Two has 1 and Agency Two 1: below the minimum of 3.
  const auto& rows = networks["agency_networks"];
  REQUIRE(rows.Size() == 1);
  CHECK(std::string(rows[0]["agency"]["id"].GetString()) == "ag1");
  CHECK(std::string(rows[0]["network"]["id"].GetString()) == "n1");
  CHECK(rows[0]["count"].GetInt() == 4);
  CHECK(rows[0]["artists"].GetInt() == 3);
  CHECK(rows[0]["total"].GetInt() == 5);
  CHECK(rows[0]["share"].GetDouble() == Approx(0.8));
  auto all = call(api, "/api/crossovers", {{"pattern", "agency-networks"}, {"top", "0"}, {"min_agency_credits", "1"}});
  CHECK(all["agency_networks"].Size() == 3);  // ag1 x n1 (4), ag1 x n2 (1), ag2 x n1 (1: Drama Two, 2016)

  // Agency pipelines: Drama One has Agency One's Idol One, Idol Two and Actor One (all of its cast);
  // in Drama Two Group One's OST (2016) is after the group's contract, so Actor One is alone there.
  auto pipelines = call(api, "/api/crossovers", {{"pattern", "agency-pipelines"}, {"top", "0"}});
  REQUIRE(pipelines["agency_pipelines"].Size() == 1);
  CHECK(std::string(pipelines["agency_pipelines"][0]["drama"]["id"].GetString()) == "d1");
  CHECK(pipelines["agency_pipelines"][0]["count"].GetInt() == 3);

  // The window: Group One's OST for its member's drama is of 2016.
  CHECK(call(api, "/api/crossovers", {{"pattern", "group-synergy"}})["group_synergy"].Size() == 1);
  CHECK(call(api, "/api/crossovers", {{"pattern", "group-synergy"}, {"years", "-2015"}})["group_synergy"].Size() == 0);
  CHECK(call(api, "/api/crossovers", {{"pattern", "group-synergy"}, {"years", "2016"}})["group_synergy"].Size() == 1);
  // From 2016 only Actor One's Drama Two and Three count for Agency One, and Idol One's Drama Two for
  // Agency Two; Drama One is outside the window.
  auto later = call(api, "/api/crossovers",
                    {{"pattern", "agency-networks,agency-pipelines"}, {"min_agency_credits", "1"}, {"years", "2016-"}});
  CHECK(later["agency_networks"].Size() == 3);
  for (const auto& row : later["agency_networks"].GetArray()) CHECK(row["count"].GetInt() == 1);
  CHECK(later["agency_pipelines"].Size() == 0);
}

TEST_CASE("timeline: an entity's events in order, undated last, within the window", "[time]") {
  Graph g = fixture();
  server::Api api(g);
  auto texts = [&](std::multimap<std::string, std::string> p) {
    std::vector<std::string> out;
    rapidjson::Document d = call(api, "/api/timeline", std::move(p));  // alive through the loop
    for (const auto& e : d["events"].GetArray()) {
      out.push_back((e["year"].IsNull() ? std::string("-") : std::to_string(e["year"].GetInt())) + " " +
                    e["text"].GetString());
    }
    return out;
  };
  CHECK(texts({{"id", "i2"}}) == std::vector<std::string>{
                                     "1991 Idol Two was born",
                                     "2010 Idol Two joined Group One",
                                     "2012 Idol Two acted in Drama One (2012)",
                                     "2014 Idol Two left Group One",
                                     "2018 Idol Two starred in Drama Three (2018)",
                                 });
  CHECK(texts({{"id", "Actor One"}}) == std::vector<std::string>{
                                            "1985 Actor One was born",
                                            "2011 Actor One starred in Drama Four (2011)",
                                            "2012 Actor One signed with Agency One",
                                            "2012 Actor One acted in Drama One (2012)",
                                            "2016 Actor One acted in Drama Two (2016)",
                                            "2018 Actor One acted in Drama Three (2018)",
                                            "- Idol One collaborated with Actor One on 'Song Two'",
                                        });
  CHECK(texts({{"id", "a1"}, {"years", "2012-2016"}, {"strict_years", "true"}}) ==
        std::vector<std::string>{"2012 Actor One signed with Agency One", "2012 Actor One acted in Drama One (2012)",
                                 "2016 Actor One acted in Drama Two (2016)"});
}

TEST_CASE("stats by year: dramas, OSTs, castings and dramas per network", "[time]") {
  Graph g = fixture();
  query::Engine engine(g);
  query::StatsRequest request;
  request.by_year = true;
  query::StatsResult all = query::stats(engine, request);
  REQUIRE(all.by_year.size() == 4);  // 2011, 2012, 2016, 2018
  const query::YearCounts& y2012 = all.by_year[1];
  CHECK(y2012.year == 2012);
  CHECK(y2012.dramas == 1);
  CHECK(y2012.idol_castings == 2);
  CHECK(y2012.actor_castings == 1);
  CHECK(all.by_year[2].osts == 1);  // Song One, 2016
  REQUIRE(all.networks.size() == 2);
  CHECK(g.entity(all.networks[0].first).id == "n1");
  CHECK(all.networks[0].second == 3);  // Drama Four, One, Two
  CHECK(all.relations == g.relation_count());

  request.time.years = "2016-2019";
  query::StatsResult window = query::stats(engine, request);
  REQUIRE(window.by_year.size() == 2);
  CHECK(window.by_year[0].year == 2016);
  CHECK(window.by_year[1].year == 2018);
  REQUIRE(window.networks.size() == 2);
  CHECK(window.networks[0].second == 1);
  CHECK(window.networks[1].second == 1);
  // Relations the window keeps: Drama Two's and Three's 8 (cast, aired_on, the OST's two), Idol One's
  // membership (open), Actor One's and Idol One's contracts (open ends), the undated collaboration.
  CHECK(window.relations == 12);
}

namespace {

// The query's rows as text: each row's cells (strings and integers) joined by '|'.
std::vector<std::string> query_rows(const server::Api& api, const std::string& q,
                                    std::multimap<std::string, std::string> params = {}) {
  params.emplace("q", q);
  rapidjson::Document d = call(api, "/api/query", std::move(params));
  std::vector<std::string> out;
  for (const auto& row : d["rows"].GetArray()) {
    std::string line;
    for (const auto& cell : row.GetArray()) {
      if (!line.empty()) line += '|';
      if (cell.IsString()) line += cell.GetString();
      else if (cell.IsInt64()) line += std::to_string(cell.GetInt64());
      else if (cell.IsDouble()) line += std::to_string(cell.GetDouble());
      else if (cell.IsNull()) line += "null";
      else line += "?";
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("queries see the graph through the year window, as every other operation does", "[time][query]") {
  Graph g = fixture();
  server::Api api(g);
  using Rows = std::vector<std::string>;
  const std::string around_i2 = "MATCH ({id: 'i2'})-[]-(b) RETURN b.id AS id ORDER BY id";
  // Idol Two: Group One 2010-2014, Drama One 2012, Drama Three 2018.
  CHECK(query_rows(api, around_i2) == Rows{"d1", "d3", "g1"});
  CHECK(query_rows(api, around_i2, {{"years", "2016-"}}) == Rows{"d3"});
  CHECK(query_rows(api, around_i2, {{"as_of", "2012"}}) == Rows{"d1", "g1"});
  CHECK(query_rows(api, around_i2, {{"years", "1990-2030"}}) == query_rows(api, around_i2));  // holds every date

  // Relationship scans: only Idol One (current) is a member from 2016 on.
  const std::string members = "MATCH ()-[r:MEMBER_OF]->() RETURN count(r)";
  CHECK(query_rows(api, members) == Rows{"2"});
  CHECK(query_rows(api, members, {{"years", "2016-"}}) == Rows{"1"});

  // Variable length: from 2016 on, within two hops of Idol Two: Drama Three, then Actor One and Network Two.
  const std::string near = "MATCH ({id: 'i2'})-[*1..2]-(b) RETURN count(DISTINCT b)";
  CHECK(query_rows(api, near, {{"years", "2016-"}}) == Rows{"3"});
  CHECK(query_rows(api, near) != Rows{"3"});

  // Pattern predicates: nobody had acted in Drama One (2012) as of 2011.
  const std::string in_d1 = "MATCH (i:Idol) WHERE (i)-[:ACTED_IN]->({id: 'd1'}) RETURN i.id AS id ORDER BY id";
  CHECK(query_rows(api, in_d1) == Rows{"i1", "i2"});
  CHECK(query_rows(api, in_d1, {{"as_of", "2011"}}).empty());

  // shortestPath: the same answer as /api/path under the same window (both searches, with and without
  // a condition on the path's nodes).
  const std::string conditioned = "MATCH p = shortestPath(({id: 'i2'})-[*]-({id: 'd2'})) "
                                  "WHERE all(n IN nodes(p) WHERE n.name <> 'nobody') RETURN length(p)";
  auto later = query_rows(api, "MATCH p = shortestPath(({id: 'i2'})-[*]-({id: 'd2'})) RETURN length(p)",
                          {{"years", "2016-"}});
  CHECK(later == Rows{"3"});
  CHECK(query_rows(api, conditioned, {{"years", "2016-"}}) == Rows{"3"});
  CHECK(query_rows(api, "MATCH p = shortestPath(({id: 'i2'})-[*]-({id: 'd2'})) RETURN length(p)",
                   {{"as_of", "2012"}})
            .empty());
  CHECK(query_rows(api, conditioned, {{"as_of", "2012"}}).empty());
  auto path = call(api, "/api/path", {{"from", "i2"}, {"to", "d2"}, {"years", "2016-"}});
  auto via = call(api, "/api/query",
                  {{"q", "MATCH p = shortestPath(({id: 'i2'})-[*]-({id: 'd2'})) UNWIND nodes(p) AS n RETURN n.id"},
                   {"years", "2016-"}});
  std::vector<std::string> via_ids;
  for (const auto& row : via["rows"].GetArray()) via_ids.push_back(row[0].GetString());
  CHECK(via_ids == path_ids(path));

  // Procedures take the query's window unless their config sets one.
  const std::string degree = "CALL hallyu.degree() YIELD node, score WITH node, score WHERE node.id = 'a1' RETURN score";
  auto score = [&](std::multimap<std::string, std::string> p) { return std::stod(query_rows(api, degree, p).at(0)); };
  CHECK(score({{"as_of", "2012"}}) == Approx(4.0 / 12));
  CHECK(score({{"as_of", "2012"}}) ==
        Approx(score_of(call(api, "/api/centrality", {{"metric", "degree"}, {"top", "0"}, {"as_of", "2012"}}), "a1")));
  CHECK(score({}) == Approx(6.0 / 12));
  const std::string own = "CALL hallyu.degree({years: '1990-2030'}) YIELD node, score WITH node, score "
                          "WHERE node.id = 'a1' RETURN score";
  CHECK(std::stod(query_rows(api, own, {{"as_of", "2012"}}).at(0)) == Approx(6.0 / 12));

  // A bad window is the parameter's error, before the query runs.
  server::Response bad = api.handle({"/api/query", {{"q", "RETURN 1"}, {"years", "2019-2016"}}});
  CHECK(bad.status == 400);
  CHECK_THAT(bad.body, Catch::Contains("years must run forwards"));
}
