using System.Threading.Channels;
using Conventions.BuildingBlocks.Caching;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conventions.Host.Infrastructure;

/// <summary>
/// Keeps the read caches of several hosts on one PostgreSQL database in step (docs/adr/0020). A change committed here
/// to data a cache holds (a key revoked, an organization suspended, a convention's standing) is announced with
/// <c>NOTIFY conventions_cache</c>; every host listens on a connection of its own and raises its signal on the
/// announcements of the others, so their next request reloads. Announcements are sent after the commit, so a host
/// that reloads on one reads the new state. A lost listening connection is reopened, and every signal raised then,
/// since announcements made while it was down are lost; the caches' time to live stays the bound if all else fails.
/// </summary>
internal sealed partial class CacheNotifications(IOptions<DatabaseSettings> database, ILogger<CacheNotifications> logger) : BackgroundService
{
    public const string Channel = "conventions_cache";

    /// <summary>This host's mark on its announcements, so it skips its own.</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");

    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ChangeSignal.Committed += Announce;
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            ChangeSignal.Committed -= Announce;
        }
    }

    private void Announce(string signal) => _outgoing.Writer.TryWrite(signal);

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(database.Value.ConnectionString);
        while (await _outgoing.Reader.WaitToReadAsync(cancellationToken))
        {
            // A burst of changes to one cache is one announcement.
            var signals = new HashSet<string>(StringComparer.Ordinal);
            while (_outgoing.Reader.TryRead(out var signal))
            {
                signals.Add(signal);
            }
            try
            {
                await using var batch = source.CreateBatch();
                foreach (var signal in signals)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)")
                    {
                        Parameters = { new("channel", Channel), new("payload", $"{signal}|{_origin}") },
                    });
                }
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogSendFailed(logger, e);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 30 };
        var gap = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, e) => Received(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                if (gap)
                {
                    ChangeSignal.RaiseAll();
                    gap = false;
                }
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                LogListenFailed(logger, e);
                gap = true;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private void Received(string payload)
    {
        var separator = payload.LastIndexOf('|');
        if (separator > 0 && payload[(separator + 1)..] != _origin)
        {
            ChangeSignal.CommittedElsewhere(payload[..separator]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a cache change to the other hosts; their caches expire on their own")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection listening for other hosts' cache changes; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
