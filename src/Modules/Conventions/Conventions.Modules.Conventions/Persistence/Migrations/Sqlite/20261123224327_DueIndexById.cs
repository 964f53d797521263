using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DueIndexById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_NextDueOn",
                table: "conventions_conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_NextDueOn_Id",
                table: "conventions_conventions",
                columns: new[] { "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_NextDueOn_Id",
                table: "conventions_conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_NextDueOn",
                table: "conventions_conventions",
                column: "NextDueOn");
        }
    }
}
