#include "core/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace golive::core {
namespace {

TEST(ThreadPool, ZeroWorkersMeansOne) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), 1u);
  std::atomic<int> ran{0};
  pool.submit([&] { ++ran; });
  pool.wait();
  EXPECT_EQ(ran.load(), 1);
}

TEST(ThreadPool, ReportsItsSize) {
  ThreadPool pool(3);
  EXPECT_EQ(pool.size(), 3u);
  EXPECT_GE(ThreadPool::default_workers(), 1u);
}

TEST(ThreadPool, WaitReturnsAfterEveryTaskRan) {
  ThreadPool pool(4);
  std::atomic<int> sum{0};
  for (int i = 1; i <= 1000; ++i) pool.submit([&sum, i] { sum += i; });
  pool.wait();
  EXPECT_EQ(sum.load(), 500500);
}

TEST(ThreadPool, WaitWithNothingSubmittedReturns) {
  ThreadPool pool(2);
  pool.wait();
  SUCCEED();
}

// Each task submits two children down to a depth: wait() must cover the tasks that tasks add.
void spawn(ThreadPool& pool, std::atomic<int>& count, int depth) {
  ++count;
  if (depth == 0) return;
  for (int i = 0; i < 2; ++i)
    pool.submit([&pool, &count, depth] { spawn(pool, count, depth - 1); });
}

TEST(ThreadPool, TasksMaySubmitTasksAndWaitCoversThem) {
  for (unsigned workers : {1u, 2u, 4u}) {
    ThreadPool pool(workers);
    std::atomic<int> count{0};
    pool.submit([&] { spawn(pool, count, 9); });
    pool.wait();
    EXPECT_EQ(count.load(), (1 << 10) - 1) << workers << " workers";
  }
}

TEST(ThreadPool, CanBeReusedAfterWait) {
  ThreadPool pool(2);
  std::atomic<int> count{0};
  pool.submit([&] { ++count; });
  pool.wait();
  EXPECT_EQ(count.load(), 1);
  pool.submit([&] { count += 10; });
  pool.submit([&] { count += 100; });
  pool.wait();
  EXPECT_EQ(count.load(), 111);
}

TEST(ThreadPool, RunsTasksOnItsOwnThreads) {
  ThreadPool pool(2);
  std::mutex mutex;
  std::set<std::thread::id> ids;
  for (int i = 0; i < 50; ++i) {
    pool.submit([&] {
      std::lock_guard lock(mutex);
      ids.insert(std::this_thread::get_id());
    });
  }
  pool.wait();
  EXPECT_GE(ids.size(), 1u);
  EXPECT_LE(ids.size(), 2u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST(ThreadPool, DestructorDrainsQueuedTasks) {
  std::atomic<int> count{0};
  {
    ThreadPool pool(1);
    for (int i = 0; i < 20; ++i) pool.submit([&] { ++count; });
  }
  EXPECT_EQ(count.load(), 20);
}

}  // namespace
}  // namespace golive::core
