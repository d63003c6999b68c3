// Test classes run in parallel; tests that share state opt out with [DoNotParallelize].
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
