using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class DueIndexById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_NextDueOn",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_NextDueOn_Id",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_NextDueOn_Id",
                schema: "conventions",
                table: "conventions");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_NextDueOn",
                schema: "conventions",
                table: "conventions",
                column: "NextDueOn");
        }
    }
}
