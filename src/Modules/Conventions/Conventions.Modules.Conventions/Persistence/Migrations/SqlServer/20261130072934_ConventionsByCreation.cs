using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class ConventionsByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_conventions_CreatedAt_Id",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_CreatedAt_Id",
                schema: "conventions",
                table: "conventions");
        }
    }
}
