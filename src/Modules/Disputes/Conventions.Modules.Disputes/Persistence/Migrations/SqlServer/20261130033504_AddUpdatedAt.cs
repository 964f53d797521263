using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "disputes",
                table: "disputes",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE [disputes].[disputes] SET [UpdatedAt] = [CreatedAt];");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_UpdatedAt",
                schema: "disputes",
                table: "disputes",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_UpdatedAt",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "disputes",
                table: "disputes");
        }
    }
}
