using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class NoticesByConventionAndDispute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_ConventionId",
                schema: "notices",
                table: "notices");

            migrationBuilder.DropIndex(
                name: "IX_notices_DisputeId",
                schema: "notices",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_ConventionId_CreatedAt_Id",
                schema: "notices",
                table: "notices",
                columns: new[] { "ConventionId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_DisputeId_CreatedAt_Id",
                schema: "notices",
                table: "notices",
                columns: new[] { "DisputeId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_ConventionId_CreatedAt_Id",
                schema: "notices",
                table: "notices");

            migrationBuilder.DropIndex(
                name: "IX_notices_DisputeId_CreatedAt_Id",
                schema: "notices",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_ConventionId",
                schema: "notices",
                table: "notices",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_DisputeId",
                schema: "notices",
                table: "notices",
                column: "DisputeId");
        }
    }
}
