using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_outbox_ProcessedAt_NextAttemptAt",
                table: "scheduling_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_outbox_OccurredAt_NextAttemptAt",
                table: "scheduling_outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_outbox_OccurredAt_NextAttemptAt",
                table: "scheduling_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_outbox_ProcessedAt_NextAttemptAt",
                table: "scheduling_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
