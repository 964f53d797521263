using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NoticesByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_CreatedAt_Id",
                table: "notices_notices",
                columns: new[] { "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notices_notices_CreatedAt_Id",
                table: "notices_notices");
        }
    }
}
