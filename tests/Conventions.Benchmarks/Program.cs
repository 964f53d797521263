using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Conventions.Benchmarks -- --filter '*'          (BenchmarkDotNet suites)
// dotnet run -c Release --project tests/Conventions.Benchmarks -- load [clients] [bookings]   (HTTP load on one hot session)
if (args.Length > 0 && args[0] == "load")
{
    return await Conventions.Benchmarks.LoadDriver.RunAsync(args.Skip(1).ToArray());
}
BenchmarkSwitcher.FromAssembly(typeof(Conventions.Benchmarks.RenderingBenchmarks).Assembly).Run(args);
return 0;
