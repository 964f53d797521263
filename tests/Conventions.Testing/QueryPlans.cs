using System.Data.Common;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conventions.Testing;

/// <summary>The lane's database plan for a query, to check which index a hot or growing query reads.</summary>
public static class QueryPlans
{
    /// <summary>The plan as text: EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL.</summary>
    public static async Task<string> PlanAsync<T>(ModuleDbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (db.IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }
        return string.Join('\n', lines);
    }
}
