#include "core/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace golive::core {
namespace {

TEST(Trim, RemovesSpacesTabsAndLineBreaksAtBothEnds) {
  EXPECT_EQ(trim("  \t a b \r\n"), "a b");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t\r\n "), "");
  EXPECT_EQ(trim("a\t\tb"), "a\t\tb");
}

TEST(SplitLines, HandlesLfCrlfAndMissingFinalNewline) {
  std::vector<std::string_view> lines = split_lines("one\r\ntwo\n\nthree");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "one");
  EXPECT_EQ(lines[1], "two");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "three");
}

TEST(SplitLines, FinalNewlineDoesNotAddAnEmptyLine) {
  EXPECT_EQ(split_lines("a\r\nb\r\n"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(split_lines("").empty());
  EXPECT_EQ(split_lines("\n"), (std::vector<std::string_view>{""}));
  // A lone '\r' inside a line is kept; only the one before '\n' goes.
  EXPECT_EQ(split_lines("a\rb\n"), (std::vector<std::string_view>{"a\rb"}));
}

TEST(Split, KeepsEmptyFields) {
  EXPECT_EQ(split("a,,b,", ','), (std::vector<std::string>{"a", "", "b", ""}));
  EXPECT_EQ(split("", ','), (std::vector<std::string>{""}));
  EXPECT_EQ(split("abc", ','), (std::vector<std::string>{"abc"}));
}

TEST(CaseHelpers, LowerContainsAndEquals) {
  EXPECT_EQ(to_lower("ReadMe.MD"), "readme.md");
  EXPECT_TRUE(contains_ci("Hello World", "WORLD"));
  EXPECT_FALSE(contains_ci("Hello", "help"));
  EXPECT_TRUE(contains_ci("anything", ""));
  EXPECT_TRUE(iequals("LICENSE", "license"));
  EXPECT_FALSE(iequals("LICENSE", "licenses"));
}

TEST(Join, SeparatesParts) {
  EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(join({"only"}, ", "), "only");
  EXPECT_EQ(join({}, ", "), "");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abcd"), 4u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("rules", "rulse"), 2u);
  EXPECT_EQ(edit_distance("waivers", "waivers"), 0u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  EXPECT_EQ(edit_distance("lawn", "flaw"), 2u);
}

TEST(ClosestMatch, PicksTheNearestCandidateWithinReach) {
  const std::vector<std::string> keys = {"version", "rules", "sections", "thresholds",
                                         "exclude", "walk",  "waivers"};
  EXPECT_EQ(closest_match("rule", keys), "rules");
  EXPECT_EQ(closest_match("waiver", keys), "waivers");
  EXPECT_EQ(closest_match("sectoins", keys), "sections");
  EXPECT_EQ(closest_match("excludes", keys), "exclude");
  EXPECT_EQ(closest_match("completely-different", keys), "");
  EXPECT_EQ(closest_match("x", {}), "");
}

TEST(ClosestMatch, PrefersTheFirstOfEquallyCloseCandidates) {
  EXPECT_EQ(closest_match("cat", {"bat", "hat"}), "bat");
}

TEST(ReplaceAll, ReplacesEveryOccurrenceWithoutRescanning) {
  EXPECT_EQ(replace_all("a.b.c", ".", "::"), "a::b::c");
  EXPECT_EQ(replace_all("aaa", "a", "aa"), "aaaaaa");
  EXPECT_EQ(replace_all("abc", "", "x"), "abc");
}

TEST(LineOfOffset, CountsNewlinesBeforeTheOffset) {
  const std::string_view text = "ab\ncd\r\nef";
  EXPECT_EQ(line_of_offset(text, 0), 1);
  EXPECT_EQ(line_of_offset(text, 2), 1);  // the '\n' itself is on line 1
  EXPECT_EQ(line_of_offset(text, 3), 2);
  EXPECT_EQ(line_of_offset(text, 7), 3);
  EXPECT_EQ(line_of_offset(text, 1000), 3);  // clamped to the end
  EXPECT_EQ(line_of_offset("", 0), 1);
}

TEST(Excerpt, KeepsShortTextAndTrimsIt) {
  EXPECT_EQ(excerpt("  short  ", 10), "short");
  EXPECT_EQ(excerpt("exactly10!", 10), "exactly10!");
}

TEST(Excerpt, CutsLongTextWithAnEllipsis) {
  EXPECT_EQ(excerpt("abcdefghijkl", 5), "abcde...");
  EXPECT_EQ(excerpt(std::string(200, 'x')).size(), 123u);  // 120 characters and "..."
}

TEST(Excerpt, NeverSplitsAUtf8Character) {
  // "é" is two bytes (C3 A9); a cut after 4 bytes would land inside the third "é".
  const std::string text = "ab\xC3\xA9\xC3\xA9zz";
  EXPECT_EQ(excerpt(text, 4), "ab\xC3\xA9...");
  EXPECT_EQ(excerpt(text, 5), "ab\xC3\xA9...");
  EXPECT_EQ(excerpt(text, 6), "ab\xC3\xA9\xC3\xA9...");
  // A 4-byte character (U+1F600) cut anywhere inside is dropped whole.
  const std::string emoji = "a\xF0\x9F\x98\x80z";
  EXPECT_EQ(excerpt(emoji, 2), "a...");
  EXPECT_EQ(excerpt(emoji, 4), "a...");
  EXPECT_EQ(excerpt(emoji, 5), "a\xF0\x9F\x98\x80...");
}

}  // namespace
}  // namespace golive::core
