using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "disputes_disputes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"disputes_disputes\" SET \"UpdatedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_UpdatedAt",
                table: "disputes_disputes",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_UpdatedAt",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "disputes_disputes");
        }
    }
}
