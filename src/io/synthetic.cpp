// Synthetic hallyu/1 datasets for scale tests, streamed and deterministic per seed.
#include "hallyu/io/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace hallyu::io {
namespace {

// xoshiro256** seeded by SplitMix64: fast, and the same stream on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (auto& word : state_) word = splitmix(seed);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0], state_[3] ^= state_[1], state_[1] ^= state_[2], state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  // Uniform in [0, n) for n below 2^53, from 53 random bits.
  std::uint64_t below(std::uint64_t n) { return std::min(n - 1, static_cast<std::uint64_t>(unit() * static_cast<double>(n))); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // Skewed towards small indexes: P(index < x*n) = x^(1/skew). skew 1 is uniform.
  std::uint64_t skewed(std::uint64_t n, double skew) {
    double u = unit();
    double v = u;
    for (int i = 1; i < static_cast<int>(skew); ++i) v *= u;  // integer part of the exponent, cheaply
    double fraction = skew - static_cast<int>(skew);
    if (fraction > 0) v *= std::pow(u, fraction);
    return std::min(n - 1, static_cast<std::uint64_t>(v * static_cast<double>(n)));
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

 private:
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> state_{};
};

struct Syllable {
  std::string_view latin;
  std::string_view hangul;
};
constexpr std::array<Syllable, 20> kFamilies = {{{"Kim", "김"},  {"Lee", "이"},  {"Park", "박"}, {"Choi", "최"},
                                                  {"Jung", "정"}, {"Kang", "강"}, {"Cho", "조"},  {"Yoon", "윤"},
                                                  {"Jang", "장"}, {"Lim", "임"},  {"Han", "한"},  {"Shin", "신"},
                                                  {"Seo", "서"},  {"Kwon", "권"}, {"Hwang", "황"}, {"Ahn", "안"},
                                                  {"Song", "송"}, {"Yoo", "유"},  {"Hong", "홍"}, {"Jeon", "전"}}};
constexpr std::array<Syllable, 24> kGiven = {{{"min", "민"},  {"ji", "지"},   {"seo", "서"}, {"hyun", "현"}, {"woo", "우"},
                                               {"jun", "준"},  {"eun", "은"},  {"soo", "수"}, {"young", "영"}, {"jin", "진"},
                                               {"ha", "하"},   {"yeon", "연"}, {"do", "도"},  {"hee", "희"},  {"yun", "윤"},
                                               {"sung", "성"}, {"na", "나"},   {"ri", "리"},  {"bin", "빈"},  {"kyung", "경"},
                                               {"ah", "아"},   {"won", "원"},  {"chan", "찬"}, {"yeong", "영"}}};
constexpr std::array<std::string_view, 24> kWords = {
    "Moon",   "Star",   "Secret", "Garden",  "Spring", "Winter", "Blue",   "Crimson",
    "Palace", "Heart",  "Dream",  "Shadow",  "Silver", "Golden", "Ocean",  "River",
    "Night",  "Summer", "Island", "Crystal", "Flower", "Storm",  "Light",  "Echo"};
constexpr std::array<std::string_view, 10> kGroupSuffixes = {"", "", "", "X", "Z", "ONE", "9", "7", "ISM", "LAB"};

std::string capitalise(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// Appends s as a JSON string; synthetic names hold no characters that need more than quotes.
void quoted(std::string& out, std::string_view s) {
  out += '"';
  out += s;
  out += '"';
}

std::string pad_id(std::string_view prefix, std::uint64_t i) { return std::string(prefix) + "-" + std::to_string(i); }

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) { buffer_.reserve(1 << 20); }
  ~Writer() { flush(); }
  std::string& line() {
    if (buffer_.size() > (1 << 20) - 4096) flush();
    return buffer_;
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

SyntheticCounts write_synthetic_dataset(std::ostream& out, const SyntheticOptions& options) {
  const std::uint64_t n_idols = std::max<std::uint64_t>(options.idols, 5);
  const std::uint64_t n_agencies = std::max<std::uint64_t>(5, n_idols / 250);
  const std::uint64_t n_networks = std::max<std::uint64_t>(12, std::min<std::uint64_t>(60, n_idols / 1500));
  const std::uint64_t n_groups = std::max<std::uint64_t>(2, n_idols / 5);
  const std::uint64_t n_actors = std::max<std::uint64_t>(2, n_idols * 3 / 5);
  const std::uint64_t n_dramas = std::max<std::uint64_t>(2, n_idols / 2);
  Random random(options.seed);
  SyntheticCounts counts;
  Writer writer(out);
  bool first = true;
  auto begin_record = [&]() -> std::string& {
    std::string& line = writer.line();
    line += first ? "  " : ",\n  ";
    first = false;
    return line;
  };
  auto entity = [&](const std::string& id, std::string_view kind, const std::string& name,
                    const std::vector<std::string>& aliases, const std::string& extra) {
    std::string& line = begin_record();
    line += "{\"id\": ";
    quoted(line, id);
    line += ", \"kind\": ";
    quoted(line, kind);
    line += ", \"name\": ";
    quoted(line, name);
    if (!aliases.empty()) {
      line += ", \"aliases\": [";
      for (std::size_t i = 0; i < aliases.size(); ++i) {
        if (i) line += ", ";
        quoted(line, aliases[i]);
      }
      line += ']';
    }
    line += extra;
    line += '}';
    ++counts.entities;
  };
  auto relation = [&](const std::string& from, const std::string& to, std::string_view type, const std::string& extra) {
    std::string& line = begin_record();
    line += "{\"from\": ";
    quoted(line, from);
    line += ", \"to\": ";
    quoted(line, to);
    line += ", \"type\": ";
    quoted(line, type);
    line += extra;
    line += '}';
    ++counts.relations;
  };
  auto person = [&](bool stage_name) {
    const Syllable& family = random.pick(kFamilies);
    const Syllable& a = random.pick(kGiven);
    const Syllable& b = random.pick(kGiven);
    std::string real = std::string(family.latin) + " " + capitalise(a.latin) + "-" + std::string(b.latin);
    std::string hangul = std::string(family.hangul) + std::string(a.hangul) + std::string(b.hangul);
    if (!stage_name) return std::vector<std::string>{real, hangul};
    std::string stage = capitalise(a.latin) + std::string(b.latin);
    return std::vector<std::string>{stage, real, hangul, std::string(a.hangul) + std::string(b.hangul)};
  };

  // Drama years and OST counts are needed again for relations: derive them from the index.
  std::vector<std::uint16_t> drama_year(n_dramas);
  std::vector<std::uint8_t> ost_count(n_dramas);
  for (std::uint64_t d = 0; d < n_dramas; ++d) {
    drama_year[d] = static_cast<std::uint16_t>(2000 + random.below(26));
    ost_count[d] = static_cast<std::uint8_t>(2 + random.below(5));
  }

  writer.line() += "{\"format\": \"hallyu/1\",\n \"meta\": {\"generator\": \"hallyu generate\", \"idols\": " +
                   std::to_string(n_idols) + ", \"seed\": " + std::to_string(options.seed) + "},\n \"entities\": [\n";
  for (std::uint64_t i = 0; i < n_agencies; ++i) {
    entity(pad_id("agency", i), "agency",
           std::string(random.pick(kWords)) + " " + std::string(random.pick(kWords)) + " Entertainment", {}, "");
  }
  for (std::uint64_t i = 0; i < n_networks; ++i) {
    std::string name = std::string(1, static_cast<char>('A' + random.below(26))) + static_cast<char>('A' + random.below(26)) +
                       static_cast<char>('A' + random.below(26)) + (random.chance(0.5) ? " TV" : "");
    entity(pad_id("network", i), "network", name, {}, "");
  }
  for (std::uint64_t i = 0; i < n_groups; ++i) {
    std::string name = std::string(random.pick(kWords)) + std::string(random.pick(kGroupSuffixes));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    entity(pad_id("group", i), "group", name, {}, ", \"debut_year\": " + std::to_string(2000 + random.below(26)));
  }
  for (std::uint64_t i = 0; i < n_idols; ++i) {
    std::vector<std::string> names = person(true);
    std::string stage = names.front();
    names.erase(names.begin());
    entity(pad_id("idol", i), "idol", stage, names, ", \"birth_year\": " + std::to_string(1975 + random.below(35)));
  }
  for (std::uint64_t i = 0; i < n_actors; ++i) {
    std::vector<std::string> names = person(false);
    std::string name = names.front();
    names.erase(names.begin());
    entity(pad_id("actor", i), "actor", name, names, ", \"birth_year\": " + std::to_string(1950 + random.below(55)));
  }
  for (std::uint64_t d = 0; d < n_dramas; ++d) {
    std::string title = std::string(random.pick(kWords)) + " " + std::string(random.pick(kWords));
    entity(pad_id("drama", d), "drama", title, {}, ", \"year\": " + std::to_string(drama_year[d]));
    for (std::uint64_t j = 0; j < ost_count[d]; ++j) {
      std::string song = std::string(random.pick(kWords)) + " of " + std::string(random.pick(kWords));
      entity("ost-" + std::to_string(d) + "-" + std::to_string(j), "ost", song, {}, ", \"year\": " + std::to_string(drama_year[d]));
    }
  }
  writer.line() += "\n ],\n \"relations\": [\n";
  first = true;

  std::vector<std::uint64_t> group_agency(n_groups);
  for (std::uint64_t g = 0; g < n_groups; ++g) {
    group_agency[g] = random.skewed(n_agencies, 2.0);
    relation(pad_id("group", g), pad_id("agency", group_agency[g]), "signed_to", "");
  }
  for (std::uint64_t i = 0; i < n_idols; ++i) {
    std::string idol = pad_id("idol", i);
    bool in_group = random.chance(0.85);
    std::uint64_t group = std::min(n_groups - 1, i / 5);
    if (in_group) relation(idol, pad_id("group", group), "member_of", random.chance(0.1) ? ", \"status\": \"former\"" : "");
    if (random.chance(0.3)) {
      std::uint64_t agency = in_group ? group_agency[group] : random.skewed(n_agencies, 2.0);
      relation(idol, pad_id("agency", agency), "signed_to", "");
    }
  }
  for (std::uint64_t i = 0; i < n_actors; ++i) {
    if (random.chance(0.4)) relation(pad_id("actor", i), pad_id("agency", random.skewed(n_agencies, 2.0)), "signed_to", "");
  }
  std::vector<std::string> cast;
  for (std::uint64_t d = 0; d < n_dramas; ++d) {
    std::string drama = pad_id("drama", d);
    relation(drama, pad_id("network", random.skewed(n_networks, 1.6)), "aired_on", "");
    std::uint64_t leads = 2 + random.below(2), supports = 2 + random.below(5);
    cast.clear();
    for (std::uint64_t c = 0; c < leads + supports; ++c) {
      // A quarter of roles go to idols, mostly to the few who act a lot.
      std::string who = random.chance(0.25) ? pad_id("idol", random.skewed(n_idols, 3.0))
                                            : pad_id("actor", random.skewed(n_actors, 2.0));
      if (std::find(cast.begin(), cast.end(), who) != cast.end()) continue;
      cast.push_back(who);
      relation(who, drama, "acted_in",
               std::string(", \"billing\": \"") + (c < leads ? "lead" : "support") + "\", \"year\": " + std::to_string(drama_year[d]));
    }
    for (std::uint64_t j = 0; j < ost_count[d]; ++j) {
      std::string ost = "ost-" + std::to_string(d) + "-" + std::to_string(j);
      relation(ost, drama, "ost_of", "");
      std::string previous;
      for (int k = random.chance(0.15) ? 2 : 1; k > 0; --k) {
        double roll = random.unit();
        // OST specialists: a skew of 3 puts most songs on a few singers.
        std::string who = roll < 0.65 ? pad_id("idol", random.skewed(n_idols, 3.0))
                          : roll < 0.85 ? pad_id("group", random.skewed(n_groups, 2.0))
                                        : pad_id("actor", random.skewed(n_actors, 2.0));
        if (who == previous) continue;
        previous = who;
        relation(who, ost, "performed", "");
      }
    }
  }
  std::unordered_set<std::uint64_t> pairs;
  for (std::uint64_t c = 0; c < n_idols / 20; ++c) {
    std::uint64_t a = random.skewed(n_idols, 2.0), b = random.below(n_idols);
    if (a == b || !pairs.insert(std::min(a, b) * n_idols + std::max(a, b)).second) continue;
    relation(pad_id("idol", a), pad_id("idol", b), "collaborated_with", "");
  }
  writer.line() += "\n ]}\n";
  writer.flush();
  return counts;
}

}  // namespace hallyu::io
