#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace golive::core {

// A fixed pool of workers; tasks may submit more tasks. wait() returns when all are done.
class ThreadPool {
 public:
  explicit ThreadPool(unsigned workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void submit(std::function<void()> task);
  void wait();
  [[nodiscard]] unsigned size() const { return static_cast<unsigned>(workers_.size()); }

  // The number of workers to use when the user does not say: one per core.
  static unsigned default_workers();

 private:
  void run_worker();

  std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable all_done_;
  std::deque<std::function<void()>> tasks_;
  size_t pending_ = 0;  // queued plus running
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace golive::core
