using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class NoticePerOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_SourceEventId",
                schema: "notices",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_SourceEventId",
                schema: "notices",
                table: "notices",
                column: "SourceEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_SourceEventId",
                schema: "notices",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_SourceEventId",
                schema: "notices",
                table: "notices",
                column: "SourceEventId",
                unique: true);
        }
    }
}
