using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Conventions.Benchmarks -- --filter '*'          (BenchmarkDotNet suites)
// dotnet run -c Release --project tests/Conventions.Benchmarks -- load [clients] [bookings]   (HTTP load on one hot session)
// dotnet run -c Release --project tests/Conventions.Benchmarks -- faults                  (kill -9 and restart drills; tests/faults.sh)
// dotnet run -c Release --project tests/Conventions.Benchmarks -- browser [chromium]       (Swagger UI and Hangfire in headless Chromium; tests/browser.sh)
if (args.Length > 0 && args[0] == "browser")
{
    return await Conventions.Benchmarks.BrowserCheck.RunAsync(args.Skip(1).ToArray());
}
// dotnet run -c Release --project tests/Conventions.Benchmarks -- sweeps [--host <published folder>]  (deadlines/renewals sweeps over 100,000 rows)
if (args.Length > 0 && args[0] == "sweeps")
{
    return await Conventions.Benchmarks.SweepScenario.RunAsync(args.Skip(1).ToArray());
}
// dotnet run -c Release --project tests/Conventions.Benchmarks -- scale [factor]   (read routes over a network's data; issue 17)
if (args.Length > 0 && args[0] == "scale")
{
    return await Conventions.Benchmarks.ScaleScenario.RunAsync(args.Skip(1).ToArray());
}
if (args.Length > 0 && args[0] == "faults")
{
    return await Conventions.Benchmarks.FaultDrill.RunAsync(args.Skip(1).ToArray());
}
// ... -- floor <port>: the minimal Kestrel endpoint the load driver measures beside the engine (started by the driver).
if (args.Length > 0 && args[0] == "floor")
{
    return await Conventions.Benchmarks.KestrelFloor.ServeAsync(args.Skip(1).ToArray());
}
if (args.Length > 0 && args[0] == "load")
{
    return await Conventions.Benchmarks.LoadDriver.RunAsync(args.Skip(1).ToArray());
}
BenchmarkSwitcher.FromAssembly(typeof(Conventions.Benchmarks.RenderingBenchmarks).Assembly).Run(args);
return 0;
