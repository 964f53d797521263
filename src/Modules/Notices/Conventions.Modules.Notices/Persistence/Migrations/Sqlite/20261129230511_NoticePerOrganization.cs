using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NoticePerOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_notices_SourceEventId",
                table: "notices_notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_SourceEventId",
                table: "notices_notices",
                column: "SourceEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_notices_SourceEventId",
                table: "notices_notices");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_SourceEventId",
                table: "notices_notices",
                column: "SourceEventId",
                unique: true);
        }
    }
}
