using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_outbox_ProcessedAt_NextAttemptAt",
                table: "disputes_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_outbox_OccurredAt_NextAttemptAt",
                table: "disputes_outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_outbox_OccurredAt_NextAttemptAt",
                table: "disputes_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_outbox_ProcessedAt_NextAttemptAt",
                table: "disputes_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
