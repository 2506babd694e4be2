#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

TEST(Binary, VersionExitsZero) {
  std::string command = std::string(GOLIVE_BINARY) + " version > /dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0);
}
