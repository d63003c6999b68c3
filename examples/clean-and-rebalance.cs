#:project ../src/Pipelines/Pipelines.csproj
#:property PublishAot=false

// A model builder script: read messy data, chain cleaning, encoding and rebalancing steps, fit on a
// stratified training split, save the fitted pipeline, load it back and apply it to the held-out rows.
// Run with: dotnet run examples/clean-and-rebalance.cs
using Pipelines.Core;
using Pipelines.Evaluation;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Sampling;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

var data = CsvReader.Read(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../data/messy_churn.csv"),
    new CsvOptions { Label = "churned" }).Without("customer_id", "notes");
var split = Split.TrainTest(data, testFraction: 0.25, seed: 42);
var (train, test) = (data.Take(split.Train), data.Take(split.Test));

var chain = new DropDuplicateRows()
    .Append(new DropConstantColumns())
    .Append(new ImputeMissing(AddIndicators: true))
    .Append(new ClipOutliers())
    .Append(new TargetEncode(Columns: ["city"], Seed: 42))
    .Append(new OneHotEncode(MaxCategories: 10))
    .Append(new ZScoreNormalize())
    .Append(new Smote { Strategy = SamplingStrategy.Ratio(0.5), Seed = 42 });

var fitted = chain.FitTransform(train);
Console.WriteLine($"training rows: {train.RowCount} in, {fitted.Output.RowCount} after cleaning and SMOTE");
Console.WriteLine($"features: {string.Join(", ", fitted.Output.Schema.Features.Select(f => f.Name))}");

var path = Path.Combine(Path.GetTempPath(), "churn.pipeline");
PipelineFile.Save(path, fitted.Transformer, train.Schema, "churn preprocessing");
var loaded = PipelineFile.Load(path);
var features = loaded.Model.Transform(test);
Console.WriteLine($"held-out rows transformed by the loaded pipeline: {features.RowCount} (no rows dropped at predict time)");
Console.WriteLine("example finished: OK");
