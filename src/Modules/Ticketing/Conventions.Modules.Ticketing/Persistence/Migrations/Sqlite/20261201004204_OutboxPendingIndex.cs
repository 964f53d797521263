using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_outbox_ProcessedAt_NextAttemptAt",
                table: "ticketing_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_outbox_OccurredAt_NextAttemptAt",
                table: "ticketing_outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_outbox_OccurredAt_NextAttemptAt",
                table: "ticketing_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_outbox_ProcessedAt_NextAttemptAt",
                table: "ticketing_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
