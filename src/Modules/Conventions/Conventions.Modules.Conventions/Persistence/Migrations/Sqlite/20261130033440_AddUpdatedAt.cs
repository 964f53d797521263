using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "conventions_conventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"conventions_conventions\" SET \"UpdatedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_UpdatedAt",
                table: "conventions_conventions",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conventions_conventions_UpdatedAt",
                table: "conventions_conventions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "conventions_conventions");
        }
    }
}
