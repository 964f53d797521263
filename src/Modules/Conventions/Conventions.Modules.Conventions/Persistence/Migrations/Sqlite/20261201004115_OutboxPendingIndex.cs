using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_outbox_ProcessedAt_NextAttemptAt",
                table: "conventions_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_outbox_OccurredAt_NextAttemptAt",
                table: "conventions_outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_outbox_OccurredAt_NextAttemptAt",
                table: "conventions_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_outbox_ProcessedAt_NextAttemptAt",
                table: "conventions_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
