using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "partners_organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"partners_organizations\" SET \"UpdatedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_partners_organizations_UpdatedAt",
                table: "partners_organizations",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_partners_organizations_UpdatedAt",
                table: "partners_organizations");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "partners_organizations");
        }
    }
}
