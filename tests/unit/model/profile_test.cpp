#include "model/profile.h"

#include <gtest/gtest.h>

#include "model/builder.h"
#include "model/model.h"

namespace golive::model {
namespace {

TEST(FirstHeading, AtxSetextAndHtml) {
  EXPECT_EQ(first_heading("[![build](x.svg)](y)\n\n# Kubernetes Examples\n\n## Other\n"),
            "Kubernetes Examples");
  EXPECT_EQ(first_heading("Sock Shop\n=========\n\ntext\n"), "Sock Shop");
  EXPECT_EQ(first_heading("<h1 align=\"center\">Jellyfin</h1>\n"), "Jellyfin");
  EXPECT_EQ(first_heading("```\n# not a heading\n```\n## Features\n"), "Features");
  EXPECT_EQ(first_heading("#hashtag is no heading\n"), "");
}

RepoModel model_of(std::initializer_list<std::pair<std::string, std::string>> files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  return model;
}

TEST(DetectProfile, ExamplesByTheReadmeTitle) {
  RepoModel model = model_of({{"README.md", "# ArgoCD Example Apps\n"},
                              {"guestbook/deployment.yaml",
                               "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: g\n"}});
  EXPECT_EQ(model.profile().kind, Profile::kExamples);
  EXPECT_NE(model.profile().why.find("ArgoCD Example Apps"), std::string::npos);
}

TEST(DetectProfile, ExemplaryIsNotExamples) {
  RepoModel model =
      model_of({{"README.md", "# Exemplary API\n"}, {"Dockerfile", "FROM scratch\n"}});
  EXPECT_EQ(model.profile().kind, Profile::kService);
}

TEST(DetectProfile, ServiceLibraryManifestsInfrastructure) {
  EXPECT_EQ(model_of({{"Dockerfile", "FROM node:20\n"}}).profile().kind, Profile::kService);
  EXPECT_EQ(
      model_of({{"package.json", "{\"name\": \"lib\"}\n"}, {"index.js", "module.exports = 1;\n"}})
          .profile()
          .kind,
      Profile::kLibrary);
  EXPECT_EQ(model_of({{"charts/app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n"}})
                .profile()
                .kind,
            Profile::kManifests);
  EXPECT_EQ(model_of({{"main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"}})
                .profile()
                .kind,
            Profile::kInfrastructure);
}

// An open-source server nobody deploys from its repository (node_exporter, uptime-kuma): its
// users run it, so the practices of running a service are theirs.
constexpr std::string_view kMit =
    "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a "
    "copy\n";

TEST(DetectProfile, PublishedApplicationUnlessDeployed) {
  RepoModel published =
      model_of({{"Dockerfile", "FROM node:20\nEXPOSE 3000\n"}, {"LICENSE", std::string(kMit)}});
  EXPECT_EQ(published.profile().kind, Profile::kApplication);
  EXPECT_NE(published.profile().why.find("published under MIT"), std::string::npos);

  RepoModel closed = model_of({{"Dockerfile", "FROM node:20\nEXPOSE 3000\n"},
                               {"LICENSE", "Copyright Acme Corp. All rights reserved.\n"}});
  EXPECT_EQ(closed.profile().kind, Profile::kService);

  RepoModel deployed = model_of({{"Dockerfile", "FROM node:20\nEXPOSE 3000\n"},
                                 {"LICENSE", std::string(kMit)},
                                 {"docker-compose.prod.yml", "services:\n  api:\n    build: .\n"}});
  EXPECT_EQ(deployed.profile().kind, Profile::kService);

  // Tiers are read by name part: "products" names no production.
  RepoModel products =
      model_of({{"Dockerfile", "FROM node:20\nEXPOSE 3000\n"},
                {"LICENSE", std::string(kMit)},
                {"docker-compose.products.yml", "services:\n  api:\n    build: .\n"}});
  EXPECT_EQ(products.profile().kind, Profile::kApplication);
}

TEST(ParseProfile, NamesRoundTrip) {
  for (Profile profile : {Profile::kService, Profile::kApplication, Profile::kLibrary,
                          Profile::kInfrastructure, Profile::kManifests, Profile::kExamples}) {
    EXPECT_EQ(parse_profile(profile_name(profile)), profile);
  }
  EXPECT_FALSE(parse_profile("microservice").has_value());
}

}  // namespace
}  // namespace golive::model
