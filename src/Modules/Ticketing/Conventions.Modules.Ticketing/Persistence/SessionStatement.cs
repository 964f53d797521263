using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// A statement on one session's row, prepared once for the current transaction and run for many bookings: it applies
/// only while the session is scheduled. Parameters are typed and converted by the properties' type mappings, as EF does.
/// </summary>
internal sealed class SessionStatement : IAsyncDisposable
{
    private readonly MappedTable _table;
    private readonly DbCommand _command;
    private readonly Dictionary<string, RelationalTypeMapping> _mappings = [];

    /// <param name="table">The sessions table, as <c>MappedTable.Of&lt;Session&gt;</c> gives it.</param>
    /// <param name="text">The statement, with <c>@id</c> and <c>@scheduled</c> in its condition.</param>
    public SessionStatement(MappedTable table, string text)
    {
        _table = table;
        _command = table.NewCommand();
        _command.CommandText = text;
    }

    /// <summary>The command for this session, with the statement's own parameters (name, property it is typed as, value).</summary>
    public DbCommand For(Guid sessionId, params ReadOnlySpan<(string Name, string Property, object Value)> parameters)
    {
        _command.Parameters.Clear();
        Add("@id", nameof(Session.Id), sessionId);
        Add("@scheduled", nameof(Session.Status), SessionStatus.Scheduled);
        foreach (var (name, property, value) in parameters)
        {
            Add(name, property, value);
        }
        return _command;
    }

    private void Add(string name, string property, object value)
    {
        if (!_mappings.TryGetValue(property, out var mapping))
        {
            _mappings[property] = mapping = _table.Mapping(property);
        }
        _command.Parameters.Add(mapping.CreateParameter(_command, name, value, nullable: false));
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
