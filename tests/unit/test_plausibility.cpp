// hallyu check's warning classes on tests/fixtures/check/implausible.json: one record (at least)
// triggering each class, next to borderline records that must not warn, each warning at its record's
// file:line:col. And the bundled dataset passes.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/query/check.hpp"

using namespace hallyu;

namespace {

std::vector<io::SourceText> implausible() {
  return {{"implausible.json", io::read_file(std::string(HALLYU_FIXTURES) + "/check/implausible.json")}};
}

}  // namespace

TEST_CASE("each plausibility warning class fires on its fixture record, with the place", "[check]") {
  query::CheckResult result = query::check(implausible(), {});
  std::vector<std::string> got;
  for (const query::CheckWarning& w : result.warnings) got.push_back(w.place + " " + w.check);
  CHECK(got == std::vector<std::string>{
                   "implausible.json:20:3 credit-before-age",            // Kid (2010) acting in 2015
                   "implausible.json:22:3 credit-before-age",            // Singer (2000) on a 2004 OST
                   "implausible.json:23:3 credit-outside-drama-years",   // 2013 for a drama of 2015
                   "implausible.json:29:3 member-before-debut",          // 2011, the group debuted 2012
                   "implausible.json:30:3 current-member-of-disbanded",  // current in a group gone in 2018
                   "implausible.json:31:3 until-before-since",           // 2020-2019
                   "implausible.json:32:3 status-disagrees-with-until",  // "current" until 2017
                   "implausible.json:33:3 status-disagrees-with-until",  // until 2014, no "former"
                   "implausible.json:6:3 many-leads-in-one-year",        // Busy: 4 leads in 2016
               });
  // Not warned: Kid at 6 (2016), Busy in Saga one year after its last season, Early's and Dancer's
  // other facts.
  CHECK(result.warnings[0].line() ==
        "implausible.json:20:3: warning [credit-before-age]: Kid ('kid') was born in 2010 but has a credit of 2015 "
        "(acted_in D1 ('d1'))");
  CHECK(result.warnings.back().message.find("4 dramas of 2016") != std::string::npos);
}

TEST_CASE("thresholds move the borderline; strict turns warnings into a data error", "[check]") {
  query::CheckRequest lenient;
  lenient.thresholds.max_leads_per_year = 4;
  lenient.thresholds.max_drama_year_gap = 2;
  lenient.thresholds.min_age_at_first_credit = 4;
  query::CheckResult fewer = query::check(implausible(), lenient);
  for (const query::CheckWarning& w : fewer.warnings) {
    CHECK(w.check != "many-leads-in-one-year");
    CHECK(w.check != "credit-outside-drama-years");
    CHECK(w.check != "credit-before-age");
  }
  CHECK(fewer.warnings.size() == 5);
  query::CheckRequest strict;
  strict.strict = true;
  query::CheckResult warned = query::check(implausible(), strict);
  CHECK_THROWS_AS(query::check_verdict(warned), DataError);
  CHECK_THROWS_WITH(query::check_verdict(warned), "9 warnings (strict: warnings are errors)");
}

TEST_CASE("the bundled dataset passes the strict check", "[check]") {
  query::CheckRequest strict;
  strict.strict = true;
  query::CheckResult result = query::check({io::bundled_dataset()}, strict);
  for (const query::CheckWarning& w : result.warnings) UNSCOPED_INFO(w.line());
  CHECK(result.warnings.empty());
  CHECK_NOTHROW(query::check_verdict(result));
}
