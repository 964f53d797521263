using System.Data.Common;

namespace Conventions.Benchmarks;

internal static partial class ScaleScenario
{
    /// <summary>Copies one template row many times in the database, with SQL the provider runs (no round trip per row).</summary>
    private sealed class Cloner(DbConnection connection, bool postgres)
    {
        public string Id(string prefix, string index) => postgres
            ? $"('{prefix.ToLowerInvariant()}-0000-4000-8000-' || lpad(({index})::text, 12, '0'))::uuid"
            : $"printf('{prefix}-0000-4000-8000-%012d', {index})";

        public string Text(string prefix, string index) => postgres ? $"{prefix} || ({index})::text" : $"{prefix} || ({index})";

        /// <summary>An instant <paramref name="seconds"/> seconds before <paramref name="instant"/> (ticks on SQLite).</summary>
        public string SecondsBefore(string instant, string seconds) => postgres
            ? $"{instant} - ({seconds}) * interval '1 second'"
            : $"{instant} - ({seconds}) * 10000000";

        /// <summary>A date <paramref name="days"/> days before <paramref name="date"/> (text on SQLite).</summary>
        public string DaysBefore(string date, string days) => postgres
            ? $"{date} - ({days})"
            : $"date({date}, '-' || ({days}) || ' days')";

        /// <param name="owned">An owned type's table, which has no module prefix on SQLite.</param>
        /// <param name="only">A second column and value narrowing the template to one row (an owned collection's).</param>
        public async Task<long> CloneAsync(
            string module, string table, string keyColumn, string templateId, int count, Dictionary<string, string> overrides, bool owned = false, (string Column, string Id)? only = null)
        {
            var sqliteName = owned ? table : $"{module}_{table}";
            var columns = await ColumnsAsync(module, postgres ? table : sqliteName);
            var name = postgres ? $"{module}.{table}" : $"\"{sqliteName}\"";
            var template = Literal(templateId);
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"src.\"{c}\""));
            var narrow = only is { } o ? $" AND src.\"{o.Column}\" = {Literal(o.Id)}" : string.Empty;
            var insert = $"INSERT INTO {name} ({list}) SELECT {select} FROM n CROSS JOIN {name} src WHERE src.\"{keyColumn}\" = {template}{narrow}";
            return await ExecuteAsync(postgres
                ? $"WITH n(i) AS (SELECT generate_series(1, {count})) {insert}"
                : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) {insert}");
        }

        private string Literal(string id) => postgres ? $"'{id}'::uuid" : $"'{id.ToUpperInvariant()}'";

        public async Task<long> ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            return await command.ExecuteNonQueryAsync();
        }

        private async Task<List<string>> ColumnsAsync(string module, string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = postgres
                ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = '{module}' AND table_name = '{table}' ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}')";
            var columns = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
            return columns;
        }
    }
}
