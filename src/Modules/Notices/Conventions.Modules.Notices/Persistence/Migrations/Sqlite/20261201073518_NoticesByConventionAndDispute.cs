using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NoticesByConventionAndDispute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_notices_ConventionId",
                table: "notices_notices");

            migrationBuilder.DropIndex(
                name: "IX_notices_notices_DisputeId",
                table: "notices_notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_ConventionId_CreatedAt_Id",
                table: "notices_notices",
                columns: new[] { "ConventionId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_DisputeId_CreatedAt_Id",
                table: "notices_notices",
                columns: new[] { "DisputeId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_notices_ConventionId_CreatedAt_Id",
                table: "notices_notices");

            migrationBuilder.DropIndex(
                name: "IX_notices_notices_DisputeId_CreatedAt_Id",
                table: "notices_notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_ConventionId",
                table: "notices_notices",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_DisputeId",
                table: "notices_notices",
                column: "DisputeId");
        }
    }
}
