#:project ../src/Pipelines/Pipelines.csproj
#:project ../src/Trainers/Trainers.csproj
#:project ../src/Export/Export.csproj
#:property PublishAot=false

// A model builder script: build a chain by hand (impute, clip outliers, encode, rebalance, GBDT), train it on a
// stratified 75% of the churn data, evaluate it on the other 25%, save the pipeline file, export the whole pipeline
// as one ONNX graph, and predict the test rows again in ONNX Runtime: its labels must match the in-process labels.
// Run with: dotnet run examples/train-export-predict.cs [OUTPUT_FOLDER]   (default: a new temporary folder)
using System.Globalization;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Export.Onnx;
using Pipelines.Export.Serving;
using Pipelines.IO;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Sampling;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;

var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), $"train-export-predict-{Guid.NewGuid():N}");
var dataFolder = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../data"));

// Identifier and free-text columns carry no signal a pipeline can use (there is no DropColumns estimator: drop them from the frame).
var data = CsvReader.Read(Path.Combine(dataFolder, "messy_churn.csv"), new CsvOptions { Label = "churned" }).Without("customer_id", "notes");
var split = Split.TrainTest(data, testFraction: 0.25, seed: 42);
var (train, test) = (data.Take(split.Train), data.Take(split.Test));

var chain = new DropConstantColumns()
    .Append(new ImputeMissing(Numeric: NumericImputation.Median))
    .Append(new ClipOutliers())
    .Append(new TargetEncode(Columns: ["city"], Seed: 42))
    .Append(new OneHotEncode(MaxCategories: 10))
    .Append(new Smote { Strategy = SamplingStrategy.Auto, Seed = 42 })   // synthetic churners up to a 1:1 balance, while fitting only
    .Append(new GbdtClassifier { Rounds = 100, NumLeaves = 7, LearningRate = 0.05, Seed = 42 });
var model = chain.Fit(train);
Console.WriteLine($"trained on {train.RowCount} rows: {string.Join(" -> ", model.Steps.Select(s => s.GetType().Name))}");

// Evaluate: the learner's row-major probabilities on the preprocessed test rows, against the test labels in its class order.
var learner = (IPredictor)model.Steps[^1];
var probabilities = learner.Predict(new TransformerChain([.. model.Steps.SkipLast(1)]).Transform(test));
var classOf = learner.Classes.Select((name, code) => (name, code)).ToDictionary(c => c.name, c => c.code);
var label = test.Categorical("churned");
var actual = Enumerable.Range(0, test.RowCount).Select(row => classOf[label.ValueAt(row)!]).ToArray();
var report = ClassificationReport.Compute(actual, probabilities, learner.Classes.Count, learner.Classes);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"test rows: {test.RowCount}; accuracy {report.Accuracy:0.000}, macro-F1 {report.MacroF1:0.000}, ROC AUC {report.RocAuc:0.000}"));

// Save the fitted pipeline, then export it (as read back from the file) to one ONNX graph over the raw columns.
Directory.CreateDirectory(output);
var pipelinePath = Path.Combine(output, "churn.pipeline");
var onnxPath = Path.Combine(output, "churn.onnx");
PipelineFile.Save(pipelinePath, model, train.Schema, "examples/train-export-predict.cs");
OnnxModel.Save(OnnxExporter.Export(PipelineFile.Load(pipelinePath).Model, train), onnxPath);
Console.WriteLine($"saved {pipelinePath} and {onnxPath}");

// Predict the test rows in ONNX Runtime and compare with the in-process predicted labels.
using var scorer = OnnxScorer.Open(onnxPath);
var ortLabels = scorer.Predict(test).Categorical(PredictionColumns.PredictedLabel);
var inProcessLabels = model.Transform(test).Categorical(PredictionColumns.PredictedLabel);
var agree = Enumerable.Range(0, test.RowCount).Count(row => ortLabels.ValueAt(row) == inProcessLabels.ValueAt(row));
Console.WriteLine($"ONNX Runtime labels match the in-process labels on {agree} of {test.RowCount} test rows");
if (agree != test.RowCount)
{
    Console.Error.WriteLine("example failed: ONNX Runtime and in-process labels differ");
    return 1;
}
Console.WriteLine("example finished: OK");
return 0;
