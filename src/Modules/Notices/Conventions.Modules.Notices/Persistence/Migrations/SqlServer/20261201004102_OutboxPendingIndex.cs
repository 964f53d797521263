using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class OutboxPendingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "notices",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_OccurredAt_NextAttemptAt",
                schema: "notices",
                table: "outbox",
                columns: new[] { "OccurredAt", "NextAttemptAt" },
                filter: "[ProcessedAt] IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_OccurredAt_NextAttemptAt",
                schema: "notices",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "notices",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
