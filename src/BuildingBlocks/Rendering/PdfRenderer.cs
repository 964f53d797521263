using System.Diagnostics;
using System.Security.Cryptography;
using Conventions.BuildingBlocks.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Conventions.BuildingBlocks.Rendering;

/// <summary>A PDF rendered from a document's HTML, with its own SHA-256.</summary>
public sealed record RenderedPdf(byte[] Content, string Sha256)
{
    public static RenderedPdf Of(byte[] content) => new(content, Convert.ToHexStringLower(SHA256.HashData(content)));
}

/// <summary>
/// Prints HTML documents as PDF with WeasyPrint, the Debian package (ADR 0021): the same HTML the API answers, its
/// <c>@page</c> rules (A4, margins, "Page n / N") honoured. Archival copies are PDF/A-3b with the HTML original attached
/// (<c>original.html</c>), so that the text whose SHA-256 the convention stores travels inside its PDF. Settings:
/// <c>Pdf:Command</c> (default <c>weasyprint</c>), <c>Pdf:TimeoutSeconds</c> (60), <c>Pdf:MaxConcurrent</c> (2: each
/// run is a process of its own). A missing or failing engine is a 503 <c>pdf.unavailable</c>, never a 500.
/// </summary>
public sealed partial class PdfRenderer(IConfiguration configuration, ILogger<PdfRenderer> logger)
{
    private readonly string _command = configuration["Pdf:Command"] is { Length: > 0 } command ? command : "weasyprint";
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(configuration.GetValue("Pdf:TimeoutSeconds", 60));
    private readonly SemaphoreSlim _slots = new(Math.Max(1, configuration.GetValue("Pdf:MaxConcurrent", 2)));

    /// <summary>The PDF of <paramref name="html"/>; with <paramref name="archival"/>, PDF/A-3b with the HTML attached.</summary>
    public async Task<RenderedPdf> RenderAsync(string html, bool archival, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("conventions-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "original.html");
            var output = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(input, html, cancellationToken);
            var start = new ProcessStartInfo(_command)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            if (archival)
            {
                start.ArgumentList.Add("--pdf-variant");
                start.ArgumentList.Add("pdf/a-3b");
                start.ArgumentList.Add("--attachment");
                start.ArgumentList.Add(input);
            }
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(output);

            await _slots.WaitAsync(cancellationToken);
            try
            {
                await RunAsync(start, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
            return RenderedPdf.Of(await File.ReadAllBytesAsync(output, cancellationToken));
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary file still open is left to the system's cleaning.
            }
        }
    }

    private async Task RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("No process started.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            LogMissing(logger, _command, e.Message);
            throw Unavailable();
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            var ignored = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                LogFailed(logger, _command, -1, $"no answer within {_timeout.TotalSeconds:F0} s");
                throw Unavailable();
            }
            await ignored;
            var stderr = await errors;
            if (process.ExitCode != 0)
            {
                LogFailed(logger, _command, process.ExitCode, stderr);
                throw Unavailable();
            }
        }
    }

    private static ServiceUnavailableException Unavailable() =>
        new("pdf.unavailable", "The PDF engine could not print this document just now; the HTML version stays available (format=html). Retry later.");

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "The PDF engine '{Command}' could not be started: {Reason}. Install WeasyPrint (Debian: apt-get install weasyprint) or set Pdf:Command.")]
    private static partial void LogMissing(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The PDF engine '{Command}' failed (exit {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, string command, int exitCode, string errors);
}
