using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class HolidayRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                schema: "disputes",
                table: "disputes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Metropolitan");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Region",
                schema: "disputes",
                table: "disputes");
        }
    }
}
