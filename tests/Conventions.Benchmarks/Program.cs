using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Conventions.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Conventions.Benchmarks.RenderingBenchmarks).Assembly).Run(args);
