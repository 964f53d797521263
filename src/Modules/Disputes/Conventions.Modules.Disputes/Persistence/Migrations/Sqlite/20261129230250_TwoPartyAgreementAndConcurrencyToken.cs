using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class TwoPartyAgreementAndConcurrencyToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementAcceptedBy",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementProposal",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementProposedBy",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementProposedOn",
                table: "disputes_disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "disputes_disputes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementAcceptedBy",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposal",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposedBy",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposedOn",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "disputes_disputes");
        }
    }
}
