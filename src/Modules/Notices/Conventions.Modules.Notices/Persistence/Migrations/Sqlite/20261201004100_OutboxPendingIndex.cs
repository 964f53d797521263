using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_outbox_ProcessedAt_NextAttemptAt",
                table: "notices_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_notices_outbox_OccurredAt_NextAttemptAt",
                table: "notices_outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_outbox_OccurredAt_NextAttemptAt",
                table: "notices_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_notices_outbox_ProcessedAt_NextAttemptAt",
                table: "notices_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
